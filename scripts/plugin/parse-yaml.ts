import { parseAllDocuments, Parser, type Document } from 'yaml';
import { bunOnlyRejection } from './bun-only-rejection.ts';

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
  // The claude level and the load/lint rules parse the same frontmatter; the result is shared, not copied.
  const hit = PARSED.get(text);
  if (hit !== undefined) return hit;
  const result = parseUncached(text);
  if (PARSED.size >= KEEP) PARSED.clear();
  PARSED.set(text, result);
  return result;
}

/** Recent results by source text. Callers treat a parsed value as read-only. */
const PARSED = new Map<string, YamlResult>();
const KEEP = 4096;

function parseUncached(text: string): YamlResult {
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(blankTabLines(text), OPTIONS);
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  if (/^%/m.test(text) && danglingDirective(text)) return fail('Unexpected token');
  for (const d of docs) {
    // Bun takes a plain scalar starting with `,` (`description: ,x`) and implicit keys over 1024
    // characters; YAML and the `yaml` package do not.
    const errors = d.errors.filter((e) => !(e.code === 'BAD_SCALAR_START' && e.message.includes('character ,')) && e.code !== 'KEY_OVER_1024_CHARS');
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

/**
 * Directives (`%YAML 1.2`) not followed by a `---` document start: the `yaml` package reads an empty
 * document, Bun rejects the text (a frontmatter block can never hold the `---` line they need).
 */
function danglingDirective(text: string): boolean {
  let pending = false;
  for (const token of new Parser().parse(text)) {
    if (token.type === 'directive') pending = true;
    else if (token.type === 'document') {
      if (pending && !token.start.some((t) => t.type === 'doc-start')) return true;
      pending = false;
    }
  }
  return pending;
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
