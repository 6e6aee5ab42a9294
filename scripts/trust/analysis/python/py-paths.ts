import type { Effect, Loc } from '../model.ts';
import { secretKindOfPath } from '../text/sensitive-paths.ts';
import { callArgs, type PySource, type PyString } from './py-source.ts';
import { closeOf, mentions, type PyBinding, type PyCall } from './py-statements.ts';

const ANCHOR = /(?<![\w.])(?:pathlib\s*\.\s*)?(?:Path|PurePath|PosixPath)\s*(?:\.\s*(?:home|cwd)\s*\(\s*\)|\()|\bos\s*\.\s*path\s*\.\s*(?:join|expanduser|expandvars|abspath|realpath)\s*\(|(?<![\w.])(?:expanduser|join)\s*\(|\bos\s*\.\s*getcwd\s*\(\s*\)/g;
/** Calls that read (or copy, archive, open as a database) the path they are given. */
const READER = /^(open|io\.open|codecs\.open|os\.open|load_dotenv|dotenv\.load_dotenv|dotenv_values|dotenv\.dotenv_values|shutil\.(copy|copy2|copyfile|copytree|move|make_archive)|sqlite3\.connect|tarfile\.open|zipfile\.ZipFile|[A-Za-z_]\w*\.(read|read_file|add|write))$/;
const CHAIN = /^(expanduser|expandvars|resolve|absolute|joinpath|with_name|with_suffix)$/;
const HOME = /Path\s*\.\s*home\s*\(|expanduser|\bos\s*\.\s*getlogin|getpass\s*\.\s*getuser/;
const MAX_VALUES = 8;

/**
 * Credential files reached through Python path code: `Path.home() / ".aws" / "credentials"`,
 * `Path("~/.netrc").expanduser()`, `os.path.join(os.path.expanduser("~"), ".ssh", "id_rsa")`, f-strings
 * with `{Path.home()}`, and variables or lists holding such paths. A path counts when it is read:
 * `.read_text()`/`.read_bytes()`/`.open()`, passed to open/load_dotenv/shutil.copy/sqlite3.connect…,
 * directly or through a variable or a `for` loop over a list of paths. A path variable written with
 * `.write_text()`/`.write_bytes()`/`.open("w")` is reported as a write (persistence targets are judged by H4).
 */
export function pySecretPathReads(py: PySource, calls: PyCall[], binds: PyBinding[], at: (offset: number) => Loc, offsets: number[] = []): Effect[] {
  const code = py.code;
  const strings = new Map<number, PyString>(py.strings.map((s) => [s.start, s]));
  const pathVars = new Map<string, string[]>();
  const out: Effect[] = [];
  const seen = new Set<string>();
  const emit = (offset: number, path: string, how: string): void => {
    const kind = secretKindOfPath(path);
    const key = `${py.lineOf(offset)}\u0000${kind}`;
    if (!kind || seen.has(key)) return;
    seen.add(key);
    offsets.push(offset);
    out.push({ kind: 'secret-read', secret: kind, what: `${how}(${JSON.stringify(path)})`, loc: at(offset) });
  };

  const valuesOf = (start: number, end: number): string[] => {
    const tokens: Array<{ at: number; v: string[] | '~' }> = [];
    for (const s of py.strings) if (s.start >= start && s.end <= end) tokens.push({ at: s.start, v: stringValue(s) });
    // `expanduser` is not a marker here: its argument already says `~` (and as a method it follows the path).
    for (const m of code.slice(start, end).matchAll(/Path\s*\.\s*home\s*\(|\bos\s*\.\s*path\s*\.\s*expanduser\s*\(\s*\)/g)) tokens.push({ at: start + (m.index ?? 0), v: '~' });
    for (const m of code.slice(start, end).matchAll(/(?<![\w.])([A-Za-z_]\w*)\b(?!\s*[(=])/g)) {
      const vals = pathVars.get(m[1]);
      if (vals) tokens.push({ at: start + (m.index ?? 0), v: vals });
    }
    tokens.sort((a, b) => a.at - b.at);
    let acc: string[] = [''];
    for (const t of tokens) {
      const next = t.v === '~' ? ['~'] : t.v;
      if (next.length === 0) continue;
      acc = acc.flatMap((a) => next.map((n) => (n === '~' || n.startsWith('~/') || n.startsWith('/') ? n : a ? `${a}/${n}` : n))).slice(0, MAX_VALUES);
    }
    return acc.filter(Boolean).map((p) => p.replace(/\/\.\//g, '/').replace(/\/{2,}/g, '/'));
  };
  function stringValue(s: PyString): string[] {
    if (/^[A-Z][A-Z0-9_]*$/.test(s.value)) return s.value === 'HOME' || s.value === 'USERPROFILE' ? ['~'] : [];
    if (s.value.length > 300 || /\s{2,}|\n/.test(s.value)) return [];
    return [s.value.replace(/\{([^{}]*)\}/g, (_m, inner: string) => (HOME.test(inner) || /\bHOME\b|home/.test(inner) ? '~' : pathVars.get(inner.trim())?.[0] ?? ''))];
  }

  // Variables (and loop variables) holding paths, in source order.
  for (const b of binds) {
    if (b.kind === 'with') continue;
    const rhs = code.slice(b.start, b.end).trim();
    const lead = b.start + code.slice(b.start, b.end).indexOf(rhs);
    let vals: string[] = [];
    if (pathVars.has(rhs)) vals = pathVars.get(rhs)!;
    else if (/^[[(]/.test(rhs) && closeOf(code, lead) === lead + rhs.length - 1) {
      for (const el of callArgs(code.slice(0, lead) + '(' + code.slice(lead + 1), lead)) {
        const item = code.slice(el.start, el.end).trim();
        if (pathLike(item) || pathVars.has(item)) vals.push(...valuesOf(el.start, el.end));
      }
    } else if (pathLike(rhs) || b.kind === 'for') vals = valuesOf(b.start, b.end);
    if (vals.length) pathVars.set(b.target, vals.slice(0, MAX_VALUES));
    else pathVars.delete(b.target);
  }

  const readers = calls.filter((c) => READER.test(c.name)).map((c) => ({ c, args: callArgs(code, c.open) })).filter(({ c, args }) => !isWriteMode(c.name, args.slice(1)));
  // Path expressions read in place.
  for (const m of code.matchAll(ANCHOR)) {
    const s = m.index ?? 0;
    const ext = extent(code, strings, s, m[0]);
    const direct = ext.read && !isWriteMode('open', ext.readArgs ?? []);
    const inReader = readers.find(({ args }) => args.some((a) => a.start <= s && s < a.end));
    if (!direct && !inReader) continue;
    for (const p of valuesOf(s, ext.end)) emit(s, p, direct ? `Path.${ext.read}` : inReader!.c.name);
  }
  // Paths read through a variable; and paths written through one (`p = Path.home() / ".claude" / "settings.json"; p.write_text(…)`).
  for (const [name, vals] of pathVars) {
    for (const m of code.matchAll(new RegExp(`(?<![\\w.])${name}\\s*\\.\\s*(write_text|write_bytes|open)\\s*\\(`, 'g'))) {
      const open = (m.index ?? 0) + m[0].length - 1;
      if (m[1] !== 'open' || isWriteMode('open', callArgs(code, open).map((a) => ({ start: a.start, end: a.end })), py)) {
        for (const v of new Set(vals)) out.push({ kind: 'write', path: v, loc: at(m.index ?? 0) });
      }
    }
    if (!vals.some((v) => secretKindOfPath(v))) continue;
    for (const { c, args } of readers) if (args.some((a) => mentions(code, a.start, a.end, name))) for (const v of vals) emit(c.index, v, c.name);
    for (const m of code.matchAll(new RegExp(`(?<![\\w.])${name}\\s*\\.\\s*(read_text|read_bytes|open)\\s*\\(`, 'g'))) {
      const open = (m.index ?? 0) + m[0].length - 1;
      if (!isWriteMode('open', callArgs(code, open).map((a) => ({ start: a.start, end: a.end })), py)) for (const v of vals) emit(m.index ?? 0, v, `Path.${m[1]}`);
    }
  }
  return out;

  function isWriteMode(name: string, args: Array<{ start: number; end: number }>, src: PySource = py): boolean {
    if (!/(^|\.)open$|^io\.open$|^codecs\.open$/.test(name) || !args.length) return false;
    const modeArg = args.find((a) => /\bmode\s*=/.test(src.code.slice(a.start, a.end))) ?? args[0];
    return src.strings.some((s) => s.start >= modeArg.start && s.end <= modeArg.end + 1 && /^[rbt]*[wax+][bt+]*$/.test(s.value));
  }
}

/** Does an expression start like a path: a string, a Path/os.path call, a parenthesised or listed path, a `/` join? */
function pathLike(rhs: string): boolean {
  return /^(?:[rRbBfF]{0,2}["']|(?:pathlib\s*\.\s*)?(?:Path|PurePath|PosixPath)\b|os\s*\.\s*path\s*\.|os\s*\.\s*getcwd|expanduser|str\s*\(|\(|[A-Za-z_]\w*\s*\/(?!\/))/.test(rhs);
}

/** Where a path expression ends (`/ "x"` joins and expanduser()/resolve() chains), and the read method that follows it. */
function extent(code: string, strings: Map<number, PyString>, s: number, anchor: string): { end: number; read: string | null; readArgs?: Array<{ start: number; end: number }> } {
  let k = s + anchor.length;
  if (anchor.endsWith('(')) {
    const c = closeOf(code, k - 1);
    if (c < 0) return { end: k, read: null };
    k = c + 1;
  }
  let b = s - 1;
  while (b >= 0 && (code[b] === ' ' || code[b] === '\t')) b--;
  let group = code[b] === '(' && !/[\w\])]/.test(code[b - 1] ?? '');
  for (let guard = 0; guard < 40; guard++) {
    let j = k;
    while (code[j] === ' ' || code[j] === '\t') j++;
    if (code[j] === '/' && code[j + 1] !== '/' && code[j + 1] !== '=') {
      j++;
      while (code[j] === ' ' || code[j] === '\t') j++;
      const str = strings.get(j);
      if (str) k = str.end;
      else if (code[j] === '(') k = closeOf(code, j) + 1;
      else {
        const id = /^[A-Za-z_][\w.]*/.exec(code.slice(j, j + 200));
        if (!id) break;
        k = j + id[0].length;
        if (code[k] === '(') k = closeOf(code, k) + 1;
      }
      if (k <= 0) break;
      continue;
    }
    if (code[j] === ')' && group) {
      group = false;
      k = j + 1;
      continue;
    }
    const m = /^\.\s*(\w+)\s*\(/.exec(code.slice(j, j + 60));
    if (!m) break;
    const open = j + m[0].length - 1;
    if (/^(read_text|read_bytes|open)$/.test(m[1])) return { end: k, read: m[1], readArgs: callArgs(code, open) };
    if (!CHAIN.test(m[1])) break;
    const c = closeOf(code, open);
    if (c < 0) break;
    k = c + 1;
  }
  return { end: k, read: null };
}
