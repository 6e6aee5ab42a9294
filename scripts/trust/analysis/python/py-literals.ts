import { callArgs, type PySource } from './py-source.ts';

type Range = { start: number; end: number };

/** The value of an argument made only of string literals (concatenated with + or juxtaposed), else null. */
export function literalOf(py: PySource, r: Range | undefined): string | null {
  if (!r) return null;
  const inside = py.strings.filter((s) => s.start >= r.start && s.end <= r.end + 1);
  if (inside.length === 0) return null;
  let rest = py.code.slice(r.start, r.end);
  for (const s of inside) rest = rest.slice(0, s.start - r.start) + ' '.repeat(s.end - s.start) + rest.slice(s.end - r.start);
  return /^[\s+()]*$/.test(rest) ? inside.map((s) => s.value).join('') : null;
}

/** The string literals inside an argument's range, in order. */
export function stringsIn(py: PySource, r: Range | undefined): string[] {
  if (!r) return [];
  return py.strings.filter((s) => s.start >= r.start && s.end <= r.end + 1).map((s) => s.value);
}

/** A list literal of string literals, e.g. ["curl", "-s", url] (non-literals become $VAR). */
export function listOf(py: PySource, r: Range): string[] | null {
  const text = py.code.slice(r.start, r.end).trim();
  if (!text.startsWith('[') || !text.endsWith(']')) return null;
  const open = py.code.indexOf('[', r.start);
  const items = callArgs(py.code.slice(0, open) + '(' + py.code.slice(open + 1, r.end - 1) + ')' + py.code.slice(r.end), open);
  return items.map((it) => literalOf(py, it) ?? '$VAR');
}

/** Best-effort path of an argument: literals joined with '/', `~` for expanduser/Path.home()/HOME, variables followed one level. */
export function pathOf(py: PySource, r: Range | undefined, vars: Map<string, Range>, depth: number): string | null {
  if (!r || depth > 3) return null;
  const code = py.code.slice(r.start, r.end).trim();
  if (/^[A-Za-z_]\w*$/.test(code) && vars.has(code)) return pathOf(py, vars.get(code), vars, depth + 1);
  const lits = stringsIn(py, r);
  const home = /expanduser|Path\.home\(\)|environ\s*(\[|\.get\s*\()\s*$|getenv|HOME/.test(code) || /expanduser|Path\.home|HOME/.test(py.code.slice(r.start, r.end));
  if (lits.length === 0) return home ? '~' : null;
  const joined = lits.join('/').replace(/\/{2,}/g, '/');
  return home && !joined.startsWith('~') && !joined.startsWith('/') ? `~/${joined}` : joined;
}

/** A bare variable argument whose (one-line) assignment is a string literal. */
export function viaVar(py: PySource, r: Range | undefined, vars: Map<string, Range>): string | null {
  if (!r) return null;
  const name = py.code.slice(r.start, r.end).trim();
  return /^[A-Za-z_]\w*$/.test(name) && vars.has(name) ? literalOf(py, vars.get(name)) : null;
}
