import { parseAllDocuments, visit, isMap, isPair, isScalar, isCollection, type Document, type Node, type YAMLMap } from 'yaml';

export type YamlResult = { ok: true; value: unknown } | { ok: false; message: string };

const OPTIONS = {
  schema: 'core', version: '1.2', uniqueKeys: false, strict: true, merge: true, resolveKnownTags: false, prettyErrors: false,
} as const;

/**
 * Parse frontmatter YAML the way Claude Code's validator sees it through `Bun.YAML.parse` (Bun 1.4):
 * YAML 1.2 core schema, duplicate keys allowed (last wins), merge keys honoured, explicit tags other
 * than `!!str`/`!` ignored, several documents returned as an array, and non-string keys turned into
 * strings the way a JS property key would be (`null`, `[object Object]`, `a,b`).
 * Bun accepts and rejects some inputs differently from the `yaml` package; the checks below close the
 * gaps measured against Bun itself (test/plugin/yaml-parity.test.ts replays the recorded verdicts).
 * The error text after `YAML Parse error: ` is ours, not Bun's.
 */
export function parseYaml(text: string): YamlResult {
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(blankTabLines(text), OPTIONS);
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  for (const d of docs) {
    // Bun takes a plain scalar starting with `,` (`description: ,x`); YAML and the `yaml` package do not.
    const errors = d.errors.filter((e) => !(e.code === 'BAD_SCALAR_START' && e.message.includes('character ,')));
    if (errors.length > 0) return fail(bunWording(errors[0].code, errors[0].message, errors.length > 1));
    const reason = bunOnlyRejection(d, text);
    if (reason) return fail(reason);
  }
  try {
    const values = docs.map((d) => plain(d.toJS({ mapAsMap: true, maxAliasCount: -1 })));
    if (values.length === 0) return { ok: true, value: null };
    return { ok: true, value: values.length === 1 ? values[0] : values };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return fail(/alias|Merge sources/.test(message) ? 'Unresolved alias' : message);
  }
}

/**
 * Bun's words for what the `yaml` package reports (measured on ~40,000 inputs: each mapping below is
 * what Bun says for most inputs with that error code). Most errors are "Unexpected token" in Bun.
 */
function bunWording(code: string, message: string, more: boolean): string {
  switch (code) {
    case 'TAB_AS_INDENT': return 'Tab characters cannot be used as indentation';
    case 'BAD_DQ_ESCAPE':
    case 'BAD_ALIAS': return 'Unexpected character';
    case 'MULTIPLE_ANCHORS': return 'Multiple anchors';
    // An unclosed quote at the end is EOF to Bun; one the `yaml` package gave up on mid-text is not.
    case 'MISSING_CHAR': return message.includes('quote') ? (more ? 'Unexpected character' : 'Unexpected EOF') : 'Unexpected token';
    default: return 'Unexpected token';
  }
}

function fail(reason: string): YamlResult {
  return { ok: false, message: `YAML Parse error: ${reason}` };
}

/** Whitespace-only lines holding a tab: Bun treats them as blank, `yaml` as bad indentation. Offsets are kept. */
function blankTabLines(text: string): string {
  return text.includes('\t') ? text.replace(/^[ \t]*\t[ \t]*$/gm, (m) => ' '.repeat(m.length)) : text;
}

/** Maps become plain objects with String()-converted keys, as Bun builds them (an own `__proto__` included). */
function plain(v: unknown): unknown {
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, val] of v) Object.defineProperty(o, String(plain(k)), { value: plain(val), enumerable: true, writable: true, configurable: true });
    return o;
  }
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'string' && LONE_SURROGATE.test(v)) throw new Error('Unexpected character');
  return v;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface NodeEnd { end: number; flowish: boolean; later: boolean }

/**
 * One pass over a parsed document: re-resolve tagged plain scalars as if untagged (Bun ignores tags),
 * then report the constructs Bun rejects although `yaml` accepts them.
 */
function bunOnlyRejection(doc: Document.Parsed, text: string): string | undefined {
  let reason: string | undefined;
  const ends: NodeEnd[] = [];
  const record = (node: Node, path: readonly unknown[]) => {
    if (!node.range || inFlow(path)) return;
    ends.push({ end: node.range[1], flowish: isPairValue(node, path) && (isCollection(node) ? node.flow === true : isQuoted(node)), later: inLaterBlockMapEntry(path) });
  };
  visit(doc, {
    Scalar(_k, node, path) {
      if (node.tag === '!' || node.tag === 'tag:yaml.org,2002:str') node.value = String(node.source ?? '');
      else if (node.tag && node.type === 'PLAIN') node.value = resolveCore(String(node.source));
      record(node, path);
    },
    Seq(_k, seq, path) {
      if (seq.flow) record(seq, path);
    },
    Map(_k, map, path) {
      if (map.flow) record(map, path);
      else reason ??= emptyKeyRejection(map, text);
    },
  });
  return reason ?? tabLineRejection(text, ends);
}

/** `a: [b]: c`, `a: b⏎  : x`, `a: [b]⏎: x`: an empty implicit key Bun does not take. */
function emptyKeyRejection(map: YAMLMap, text: string): string | undefined {
  const first = map.items[0]?.key as Node | null;
  const mapColumn = first?.range ? column(text, first.range[0]) : 0;
  for (let i = 1; i < map.items.length; i++) {
    const key = map.items[i].key as Node | null;
    if (!isScalar(key) || !key.range || key.range[0] !== key.range[1]) continue;
    const colon = skipBlanks(text, key.range[0]);
    if (!startsLine(text, colon)) return 'Unexpected token';
    if (text[colon] === ':' && column(text, colon) !== mapColumn) return 'Unexpected token';
    const prev = map.items[i - 1].value as Node | null;
    if (isCollection(prev) && prev.flow) return 'Multiline implicit key';
  }
  return undefined;
}

/**
 * Bun's scanner rejects a line that starts with a tab when it follows a quoted or flow value, or a
 * comment line, inside the second or later entry of an enclosing block mapping (measured).
 */
function tabLineRejection(text: string, ends: NodeEnd[]): string | undefined {
  if (!text.includes('\n\t')) return undefined;
  ends.sort((a, b) => a.end - b.end);
  for (let at = text.indexOf('\n\t'); at !== -1; at = text.indexOf('\n\t', at + 1)) {
    const lineStart = at + 1;
    let last: NodeEnd | undefined;
    for (const e of ends) if (e.end <= lineStart) last = e; else break;
    if (!last?.later) continue;
    if (last.flowish || previousContentLineIsComment(text, lineStart, last.end)) return 'Tab characters cannot be used as indentation';
  }
  return undefined;
}

function previousContentLineIsComment(text: string, lineStart: number, after: number): boolean {
  const lines = text.slice(after, lineStart).split(/\r?\n/).slice(1).map((l) => l.trim()).filter((l) => l !== '');
  return lines.length > 0 && lines[lines.length - 1].startsWith('#');
}

function isQuoted(n: Node): boolean {
  return isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE');
}

function isPairValue(node: Node, path: readonly unknown[]): boolean {
  const parent = path[path.length - 1];
  return !isPair(parent) || parent.value === node;
}

function inFlow(path: readonly unknown[]): boolean {
  return path.some((p) => isCollection(p) && p.flow);
}

function inLaterBlockMapEntry(path: readonly unknown[]): boolean {
  for (let i = 0; i < path.length - 1; i++) {
    const p = path[i];
    if (isMap(p) && !p.flow && p.items.indexOf(path[i + 1] as never) >= 1) return true;
  }
  return false;
}

function startsLine(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    if (text[i] === '\n' || text[i] === '\r') return true;
    if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '?') return false;
  }
  return true;
}

/** The next character that is not a space or a line break (where an empty key's `:` sits). */
function skipBlanks(text: string, at: number): number {
  while (text[at] === ' ' || text[at] === '\n' || text[at] === '\r') at++;
  return at;
}

function column(text: string, at: number): number {
  return at - (text.lastIndexOf('\n', at - 1) + 1);
}

/** The YAML 1.2 core schema resolution of a plain scalar. */
function resolveCore(s: string): unknown {
  if (/^(?:~|null|Null|NULL)?$/.test(s)) return null;
  if (/^(?:true|True|TRUE)$/.test(s)) return true;
  if (/^(?:false|False|FALSE)$/.test(s)) return false;
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return parseFloat(s);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(s)) return NaN;
  return s;
}
