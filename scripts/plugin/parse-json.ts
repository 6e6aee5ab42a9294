export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * `JSON.parse` with the error text Claude Code shows: Claude runs on Bun, so its messages come from
 * JavaScriptCore (`JSON Parse error: Expected '}'`). V8 and JavaScriptCore accept the same JSON, so V8
 * decides, and on failure a small scanner that follows JavaScriptCore's LiteralParser names the error.
 * A UTF-8 BOM is not whitespace to either parser: it is an error, as in Claude.
 */
export function parseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `JSON Parse error: ${jscError(text) ?? (e instanceof Error ? e.message : String(e))}` };
  }
}

type Tok =
  | { t: 'punct'; c: string }
  | { t: 'string' | 'number' | 'literal' }
  | { t: 'ident'; name: string }
  | { t: 'end' }
  | { t: 'error'; msg: string };

/** The message JavaScriptCore gives for invalid JSON, or undefined if the scanner finds none. */
export function jscError(src: string): string | undefined {
  const lexer = makeLexer(src);
  // Iterative, like JavaScriptCore's parser, so that deep nesting cannot overflow our stack.
  const stack: Array<'array' | 'object'> = [];
  let tok = lexer();
  for (;;) {
    // Parse one value starting at `tok`.
    if (tok.t === 'error') return tok.msg;
    if (tok.t === 'punct' && tok.c === '[') {
      tok = lexer();
      if (tok.t === 'punct' && tok.c === ']') tok = { t: 'literal' };
      else { stack.push('array'); continue; }
    } else if (tok.t === 'punct' && tok.c === '{') {
      tok = lexer();
      if (tok.t === 'punct' && tok.c === '}') tok = { t: 'literal' };
      else {
        if (tok.t === 'error') return tok.msg;
        if (tok.t !== 'string') return "Expected '}'";
        const colon = lexer();
        if (colon.t === 'error') return colon.msg;
        if (!(colon.t === 'punct' && colon.c === ':')) return "Expected ':' before value in object property definition";
        stack.push('object');
        tok = lexer();
        continue;
      }
    } else if (tok.t === 'end') return 'Unexpected EOF';
    else if (tok.t === 'ident') return `Unexpected identifier "${tok.name}"`;
    else if (tok.t === 'punct') return `Unexpected token '${tok.c}'`;
    // A value ended: close containers or move to the next element.
    for (;;) {
      const top = stack[stack.length - 1];
      const sep = lexer();
      if (sep.t === 'error') return sep.msg;
      if (top === undefined) return sep.t === 'end' ? undefined : 'Unable to parse JSON string';
      const close = top === 'array' ? ']' : '}';
      if (sep.t === 'punct' && sep.c === close) { stack.pop(); continue; }
      if (!(sep.t === 'punct' && sep.c === ',')) return `Expected '${close}'`;
      tok = lexer();
      if (top === 'array') {
        if (tok.t === 'punct' && tok.c === ']') return 'Unexpected comma at the end of array expression';
        break;
      }
      if (tok.t === 'error') return tok.msg;
      if (tok.t !== 'string') return 'Property name must be a string literal';
      const colon = lexer();
      if (colon.t === 'error') return colon.msg;
      if (!(colon.t === 'punct' && colon.c === ':')) return "Expected ':' before value in object property definition";
      tok = lexer();
      break;
    }
  }
}

function makeLexer(src: string): () => Tok {
  let i = 0;
  const digit = (k: number) => src[k] >= '0' && src[k] <= '9';
  const lexString = (): Tok => {
    i++;
    while (i < src.length) {
      const c = src[i];
      if (c === '"') { i++; return { t: 'string' }; }
      if (c < ' ') return { t: 'error', msg: 'Unterminated string' };
      if (c === '\\') {
        const n = src[i + 1];
        if (n === undefined) return { t: 'error', msg: 'Unterminated string' };
        if (n === 'u') {
          if (src.length - (i + 2) < 4) return { t: 'error', msg: '\\u must be followed by 4 hex digits' };
          if (!/^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) return { t: 'error', msg: `"${src.slice(i, i + 6)}" is not a valid unicode escape` };
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(n)) return { t: 'error', msg: `Invalid escape character ${n}` };
        i += 2;
        continue;
      }
      i++;
    }
    return { t: 'error', msg: 'Unterminated string' };
  };
  const lexNumber = (): Tok => {
    if (src[i] === '-') i++;
    if (src[i] === '0') i++;
    else if (src[i] >= '1' && src[i] <= '9') while (digit(i)) i++;
    else return { t: 'error', msg: 'Invalid number' };
    if (src[i] === '.') {
      i++;
      if (!digit(i)) return { t: 'error', msg: 'Invalid digits after decimal point' };
      while (digit(i)) i++;
    }
    if ((src[i] === 'e' || src[i] === 'E') && (digit(i + 1) || ((src[i + 1] === '+' || src[i + 1] === '-') && digit(i + 2)))) {
      i += digit(i + 1) ? 1 : 2;
      while (digit(i)) i++;
    }
    return { t: 'number' };
  };
  return () => {
    while (i < src.length && (src[i] === ' ' || src[i] === '\t' || src[i] === '\n' || src[i] === '\r')) i++;
    if (i >= src.length) return { t: 'end' };
    const c = src[i];
    if ('[]{}:,.'.includes(c)) { i++; return { t: 'punct', c }; }
    if (c === '"') return lexString();
    if (c === "'") return { t: 'error', msg: "Single quotes (') are not allowed in JSON" };
    if (c === '-' || digit(i)) return lexNumber();
    for (const word of ['true', 'false', 'null']) {
      if (src.startsWith(word, i)) { i += word.length; return { t: 'literal' }; }
    }
    if (/[A-Za-z_$]/.test(c)) {
      const name = /^[A-Za-z0-9_$]+/.exec(src.slice(i, i + 256))![0];
      i += name.length;
      return { t: 'ident', name };
    }
    // JavaScriptCore names one UTF-16 unit, so an emoji shows as half a surrogate pair.
    return { t: 'error', msg: `Unrecognized token '${c}'` };
  };
}
