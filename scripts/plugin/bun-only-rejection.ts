import { visit, isMap, isPair, isScalar, isCollection, type Document, type Node, type YAMLMap } from 'yaml';

interface NodeEnd { end: number; flowish: boolean; later: boolean }

/**
 * The constructs Bun.YAML (Bun 1.4, inside Claude Code 2.1.197) rejects although the `yaml` package
 * accepts them, found by differential testing (test/plugin/parse-yaml.test.ts replays the recorded
 * verdicts). On the way it re-resolves tagged plain scalars as if untagged: Bun ignores tags but `!!str`/`!`.
 * Returns Bun's error text, or undefined.
 */
export function bunOnlyRejection(doc: Document.Parsed, text: string): string | undefined {
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
