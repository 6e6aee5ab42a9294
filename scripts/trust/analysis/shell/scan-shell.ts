import type { Effect } from '../model.ts';
import { locAt, type ScanContext } from '../scan-context.ts';
import { permissionAllowIn } from '../text/permission-allow.ts';
import { shellParser } from './load-shell-parser.ts';
import { ShellWalker } from './walker.ts';

const MAX_SHELL_CHARS = 1 << 20;

/**
 * Shell front-end: parse with mvdan-sh (bash dialect) and walk the AST. Bash runs a script statement by
 * statement, so a syntax error near the end does not stop what comes before it from running: on a
 * parse error we analyse the prefix that parses, and scan the rest line by line (an attacker must not
 * be able to hide `curl | sh` by appending a syntax error). Never throws.
 */
export function scanShell(src: string, ctx: ScanContext): Effect[] {
  if (!src.trim() || ctx.budget.expired()) return [];
  if (src.length > MAX_SHELL_CHARS) {
    note(ctx, 'SHELL_TOO_LARGE', `shell text over ${MAX_SHELL_CHARS} characters was scanned line by line only`);
    return fallbackScan(src, ctx, 1);
  }
  const p = shellParser();
  if (!p) return fallbackScan(src, ctx, 1);
  const text = src.replace(/^#![^\n]*\n/, '\n');
  const parsed = tryParse(p, text);
  if (parsed.ok) return walk(p, parsed.file, ctx);
  // Recover: parse the lines before the error, scan the rest by lines.
  const lines = text.split('\n');
  const errLine = Math.max(1, Math.min(parsed.line, lines.length));
  note(ctx, 'SHELL_PARSE_ERROR', `shell does not parse (${parsed.message}); statements before line ${errLine} were analysed, the rest line by line`);
  let effects: Effect[] = [];
  for (let cut = errLine - 1; cut > 0; cut--) {
    const prefix = tryParse(p, lines.slice(0, cut).join('\n'));
    if (prefix.ok) {
      effects = walk(p, prefix.file, ctx);
      break;
    }
    if (errLine - cut > 20) break;
  }
  return [...effects, ...fallbackScan(lines.slice(errLine - 1).join('\n'), ctx, errLine)];
}

type Parsed = { ok: true; file: import('mvdan-sh').ShNode } | { ok: false; line: number; message: string };

function tryParse(p: NonNullable<ReturnType<typeof shellParser>>, text: string): Parsed {
  try {
    return { ok: true, file: p.parser.Parse(text, 'src') };
  } catch (e) {
    const msg = describe(e);
    const m = /^src:(\d+):(\d+): (.*)$/.exec(msg);
    return { ok: false, line: m ? Number(m[1]) : 1, message: (m ? m[3] : msg).slice(0, 160) };
  }
}

function walk(p: NonNullable<ReturnType<typeof shellParser>>, file: import('mvdan-sh').ShNode, ctx: ScanContext): Effect[] {
  const w = new ShellWalker(p.syntax, ctx);
  try {
    w.walkStmts(file.Stmts);
  } catch (e) {
    note(ctx, 'SHELL_WALK_ERROR', `shell analysis stopped early: ${describe(e).slice(0, 120)}`);
  }
  if (ctx.budget.nodes <= 0) note(ctx, 'ANALYSIS_NODE_BUDGET', 'the syntax-node budget was spent; the rest of the plugin was not analysed in depth');
  return w.finish();
}

// Line patterns for text that does not parse: the few shapes that matter most.
const FALLBACK: Array<[RegExp, (line: string) => Effect['kind']]> = [
  [/\b(curl|wget)\b[^|]*\|\s*(sudo\s+)?(ba|z|da|k)?sh\b|\b(curl|wget)\b[^|]*\|\s*(sudo\s+)?(python\d?|node|perl|ruby)\b/, () => 'fetch-exec'],
  [/(source|\.)\s+<\(\s*(curl|wget)|(eval|bash\s+-c|sh\s+-c)\s+["']?\$\(\s*(curl|wget)/, () => 'remote-eval'],
  [/base64\s+(-d|--decode|-D)\b[^|]*\|\s*(ba|z)?sh\b/, () => 'decode-exec'],
];

function fallbackScan(text: string, ctx: ScanContext, firstLine: number): Effect[] {
  const out: Effect[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.length > 10_000 || /^\s*#/.test(line)) return;
    const loc = locAt(ctx, firstLine + i);
    for (const [re, kind] of FALLBACK) {
      if (!re.test(line)) continue;
      const k = kind(line);
      if (k === 'fetch-exec') out.push({ kind: k, how: 'pipe', fetcher: /wget/.test(line) ? 'wget' : 'curl', runner: 'a shell', loc });
      else if (k === 'remote-eval') out.push({ kind: k, how: 'evaluates fetched code', loc });
      else if (k === 'decode-exec') out.push({ kind: k, decoder: 'base64', runner: 'a shell', loc });
    }
    const allow = permissionAllowIn(line);
    if (allow) out.push({ kind: 'permission-allow', what: allow, loc });
  });
  return out;
}

function note(ctx: ScanContext, code: string, message: string): void {
  if (!ctx.budget.notes.some((n) => n.code === code && n.file === ctx.file)) ctx.budget.notes.push({ code, file: ctx.file, message });
}

function describe(e: unknown): string {
  try {
    const err = e as { Error?: () => string; message?: string };
    if (typeof err?.Error === 'function') return String(err.Error());
    if (typeof err?.message === 'string') return err.message;
    return String(e);
  } catch {
    return 'unknown error';
  }
}
