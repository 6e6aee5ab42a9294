import type { Effect } from '../model.ts';
import { embedded, locAt, MAX_EMBED_DEPTH, type ScanContext } from '../scan-context.ts';
import { codeTextEffects } from '../text/code-text-effects.ts';
import { decodeBase64Text } from '../text/decode.ts';
import { permissionAllowIn } from '../text/permission-allow.ts';
import { secretKindOfPath } from '../text/sensitive-paths.ts';
import { callName, expandHead, fromImports } from './py-imports.ts';
import { literalOf, listOf, pathOf, stringsIn, viaVar } from './py-literals.ts';
import { callAndChainArgs, destination, pyFlows } from './py-flows.ts';
import { pySecretPathReads } from './py-paths.ts';
import { callArgs, pySource, type PySource } from './py-source.ts';
import { pyBindings } from './py-statements.ts';

type Range = { start: number; end: number };

const SHELL_CALL = /^(os\.system|os\.popen|subprocess\.getoutput|subprocess\.getstatusoutput|commands\.getoutput|asyncio\.create_subprocess_shell)$/;
const ARGV_CALL = /^(subprocess\.(run|call|check_call|check_output|Popen)|asyncio\.create_subprocess_exec|os\.exec[lv]p?e?|os\.spawn[lv]p?e?)$/;
const NET_CALL = /^(requests\.(get|post|put|patch|delete|head|request)|requests\.Session|httpx\.(get|post|put|patch|delete|request|Client|AsyncClient|stream)|urllib\.request\.(urlopen|Request|urlretrieve)|urllib\.urlopen|urlopen|urlretrieve|http\.client\.HTTPS?Connection|HTTPS?Connection|socket\.(create_connection|socket)|aiohttp\.(ClientSession|request)|urllib3\.(PoolManager|request)|smtplib\.SMTP(_SSL)?|ftplib\.FTP(_TLS)?|telnetlib\.Telnet|websocket\.create_connection|websockets\.connect|paramiko\.SSHClient|anthropic\.(Anthropic|AsyncAnthropic|Client|AsyncClient|AnthropicBedrock|AnthropicVertex)|openai\.(OpenAI|AsyncOpenAI|AzureOpenAI|AsyncAzureOpenAI|ChatCompletion\.create|Completion\.create)|mem0\.(MemoryClient|AsyncMemoryClient|Memory)|litellm\.(completion|acompletion)|google\.generativeai\.GenerativeModel|cohere\.(Client|ClientV2)|groq\.Groq|mistralai\.Mistral)$/;
const DECODE = /b64decode|b32decode|a85decode|decodebytes|decodestring|unhexlify|fromhex|zlib\.decompress|gzip\.decompress|lzma\.decompress|bz2\.decompress|marshal\.loads|codecs\.decode|\[::-1\]/;

/**
 * Python front-end. No parser is available offline, so this is careful regex over tokenised source:
 * strings and comments are blanked before any pattern runs, and call arguments are found by bracket
 * matching. Covers subprocess/os.system (commands re-scanned as shell), exec/eval (with decoding and
 * fetched-data detection), network libraries, credential reads, env dumps, writes and deletes.
 */
export function scanPython(src: string, ctx: ScanContext): Effect[] {
  if (!src.trim() || ctx.budget.expired()) return [];
  const py = pySource(src);
  const out: Effect[] = [...codeTextEffects(src, ctx)];
  const imports = fromImports(py.code);
  const vars = assignments(py);
  const binds = pyBindings(py);
  const secretOffsets: number[] = [];
  const pendingNet: Array<{ effect: Extract<Effect, { kind: 'network' }>; ranges: Range[] }> = [];
  const fetched = new Set<string>();
  const at = (offset: number, via?: string): Effect['loc'] => locAt(ctx, py.lineOf(offset), undefined, via);

  for (const [name, range] of vars) {
    const rhs = py.code.slice(range.start, range.end);
    if (NET_CALL.test(callName(rhs, imports)) || [...fetched].some((f) => new RegExp(`\\b${f}\\b`).test(rhs))) fetched.add(name);
  }

  // Calls: ordinary names, plus `__import__('os').system(…)` / `importlib.import_module('os').system(…)` chains.
  const found: Array<{ name: string; index: number; open: number }> = [];
  for (const m of py.code.matchAll(/(?<![\w.])((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)\s*\(/g)) found.push({ name: imports.get(m[1]) ?? expandHead(m[1], imports), index: m.index ?? 0, open: (m.index ?? 0) + m[0].length - 1 });
  for (const m of py.noComments.matchAll(/(?:__import__|importlib\.import_module)\(\s*['"]([\w.]+)['"]\s*\)\s*\.\s*(\w+)\s*\(/g)) {
    found.push({ name: `${m[1]}.${m[2]}`, index: m.index ?? 0, open: (m.index ?? 0) + m[0].length - 1 });
    out.push({ kind: 'obfuscation', what: `a module imported by name inline (${m[1]}.${m[2]})`, severity: 'medium', loc: at(m.index ?? 0) });
  }
  let calls = 0;
  for (const c of found) {
    if (++calls > 20000 || !spend(ctx)) break;
    const name = c.name;
    const m = { index: c.index };
    const open = c.open;
    const args = callArgs(py.code, open);
    const argText = (i: number): string => (args[i] ? py.code.slice(args[i].start, args[i].end) : '');
    const allText = args.map((a) => py.code.slice(a.start, a.end)).join(',');
    const loc = at(m.index ?? 0);

    if (SHELL_CALL.test(name) || (ARGV_CALL.test(name) && /\bshell\s*=\s*True\b/.test(allText))) {
      const lit = literalOf(py, args[0]) ?? viaVar(py, args[0], vars);
      if (lit !== null) embedShell(ctx, out, lit, py.lineOf(m.index ?? 0), name);
      else decodedShell(ctx, out, py, args[0] && /^\s*[A-Za-z_]\w*\s*$/.test(argText(0)) ? vars.get(argText(0).trim()) ?? args[0] : args[0], name, py.lineOf(m.index ?? 0), at(m.index ?? 0));
      if (fetched.size && [...fetched].some((f) => new RegExp(`\\b${f}\\b`).test(argText(0)))) out.push({ kind: 'remote-eval', how: `${name} runs data fetched from the network`, loc });
    } else if (ARGV_CALL.test(name) && args[0]) {
      const target = /^\s*[A-Za-z_]\w*\s*$/.test(argText(0)) ? vars.get(argText(0).trim()) ?? args[0] : args[0];
      const list = listOf(py, target);
      if (list) embedShell(ctx, out, list.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' '), py.lineOf(m.index ?? 0), name);
      else {
        const lit = literalOf(py, args[0]);
        if (lit !== null) embedShell(ctx, out, lit, py.lineOf(m.index ?? 0), name);
      }
    } else if (name === 'exec' || name === 'eval') {
      const text = argText(0);
      if (/\b(urlopen|urlretrieve|requests\.\w+|httpx\.\w+)\s*\(/.test(text) || [...fetched].some((f) => new RegExp(`\\b${f}\\b`).test(text))) {
        out.push({ kind: 'remote-eval', how: `${name} of data fetched from the network`, loc });
      }
      if (DECODE.test(text)) {
        out.push({ kind: 'decode-exec', decoder: DECODE.exec(text)![0], runner: name, loc });
        for (const s of stringsIn(py, args[0])) {
          const d = decodeBase64Text(s) ?? (/\[::-1\]/.test(text) ? [...s].reverse().join('') : null);
          if (d && ctx.depth < MAX_EMBED_DEPTH) {
            const sub = embedded(ctx, py.lineOf(m.index ?? 0), `${name} of decoded ${JSON.stringify(d.slice(0, 50))}`, true);
            out.push(...sub.scanners.python(d, sub));
          }
        }
      }
      out.push({ kind: 'dynamic-code', what: `${name}(…) runs code built at run time`, loc });
      const lit = literalOf(py, args[0]);
      if (lit && ctx.depth < MAX_EMBED_DEPTH) {
        const sub = embedded(ctx, py.lineOf(m.index ?? 0), name, true);
        out.push(...sub.scanners.python(lit, sub));
      }
    } else if (name === '__import__' || name === 'importlib.import_module') {
      if (literalOf(py, args[0]) === null) out.push({ kind: 'dynamic-code', what: `${name} of a computed module name`, severity: 'medium', loc });
    } else if (NET_CALL.test(name)) {
      const ranges = callAndChainArgs(py.code, open);
      const url = literalOf(py, args[0]) ?? stringsIn(py, args[0]).find((s) => /^\w+:\/\//.test(s)) ?? destination(py, ranges);
      const sends: Extract<Effect, { kind: 'network' }>['sends'] = /\bos\.environ\b(?!\s*(\.get|\[))/.test(allText) ? 'env' : /\b(data|json|files)\s*=/.test(allText) ? (/\bfiles\s*=/.test(allText) ? 'file' : 'data') : undefined;
      const effect = { kind: 'network' as const, tool: name, ...(url ? { url } : {}), ...(sends ? { sends } : {}), loc };
      out.push(effect);
      pendingNet.push({ effect, ranges });
    } else if (/^(open|io\.open|codecs\.open|os\.open)$/.test(name)) {
      const p = pathOf(py, args[0], vars, 0);
      const mode = literalOf(py, args[1]) ?? /\bmode\s*=\s*[rbuf]*["']([^"']*)/.exec(src.slice(open, args[args.length - 1]?.end ?? open))?.[1] ?? 'r';
      if (p && /[wax+]/.test(mode)) out.push({ kind: 'write', path: p, loc });
      else if (p && secretKindOfPath(p)) {
        secretOffsets.push(m.index ?? 0);
        out.push({ kind: 'secret-read', secret: secretKindOfPath(p)!, what: `open(${JSON.stringify(p)})`, loc });
      }
    } else if (/^shutil\.(copy|copy2|copyfile|copytree|move)$/.test(name)) {
      const src0 = pathOf(py, args[0], vars, 0);
      const dst = pathOf(py, args[1], vars, 0);
      if (src0 && secretKindOfPath(src0)) out.push({ kind: 'secret-read', secret: secretKindOfPath(src0)!, what: `${name}(${JSON.stringify(src0)})`, loc });
      if (dst) out.push({ kind: 'write', path: dst, loc });
    } else if (name === 'shutil.rmtree') {
      const p = pathOf(py, args[0], vars, 0);
      if (p && /^(\/|~|~\/|\/(etc|usr|var|home|Users))\/?$/.test(p)) out.push({ kind: 'delete', target: p, why: `shutil.rmtree(${p})`, loc });
    } else if (/^(json\.dumps|str|repr|print|dict)$/.test(name) && /^\s*(dict\s*\(\s*)?os\.environ\s*\)?\s*$/.test(argText(0))) {
      out.push({ kind: 'secret-read', secret: 'env-dump', what: `${name}(os.environ) serialises every environment variable`, loc });
    }
  }

  for (const m of py.code.matchAll(/\bPath\s*\(/g)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    const args = callArgs(py.code, open);
    const close = args.length ? py.code.indexOf(')', args[args.length - 1].end) : open + 1;
    const after = /^\s*((?:\/\s*(?:"[^"]*"|'[^']*'|[\w.]+)\s*)*)\.\s*(read_text|read_bytes|write_text|write_bytes|open)\s*\(/.exec(src.slice(close + 1, close + 400));
    if (!after) continue;
    const tail = [...after[1].matchAll(/["']([^"']+)["']/g)].map((x) => x[1]);
    const base = pathOf(py, args[0], vars, 0) ?? (py.code.slice(m.index ?? 0, open).includes('home') ? '~' : '');
    const p = [base, ...tail].filter(Boolean).join('/');
    if (/^write/.test(after[2])) out.push({ kind: 'write', path: p, loc: at(m.index ?? 0) });
    else if (secretKindOfPath(p)) out.push({ kind: 'secret-read', secret: secretKindOfPath(p)!, what: `Path(${JSON.stringify(p)}).${after[2]}()`, loc: at(m.index ?? 0) });
  }

  // Credential paths built with pathlib/os.path and read; then what each network call carries.
  out.push(...pySecretPathReads(py, found, binds, (o) => at(o), secretOffsets));
  const flows = pyFlows(py, binds, found, secretOffsets, (n) => NET_CALL.test(n));
  for (const { effect, ranges } of pendingNet) {
    const t = flows.taintOf(ranges);
    if (t && (!effect.sends || effect.sends === 'data')) effect.sends = t;
  }
  out.push(...flows.clientSends((o) => at(o)));

  py.noComments.split('\n').forEach((line, i) => {
    const allow = line.length < 20000 ? permissionAllowIn(line) : null;
    if (allow) out.push({ kind: 'permission-allow', what: allow, loc: locAt(ctx, i + 1) });
  });
  proseOf(py, src, ctx);
  return out;
}

/** `os.system(b64decode("…").decode())`, directly or through a variable: the decoded command is scanned as shell. */
function decodedShell(ctx: ScanContext, out: Effect[], py: PySource, range: Range | undefined, runner: string, line: number, loc: Effect['loc']): void {
  if (!range) return;
  const text = py.code.slice(range.start, range.end);
  const dec = DECODE.exec(text);
  if (!dec) return;
  out.push({ kind: 'decode-exec', decoder: dec[0], runner, loc });
  for (const s of stringsIn(py, range)) {
    const d = decodeBase64Text(s) ?? (dec[0] === '[::-1]' ? [...s].reverse().join('') : null);
    if (d) embedShell(ctx, out, d, line, `${runner} of decoded ${JSON.stringify(d.slice(0, 50))}`);
  }
}

function embedShell(ctx: ScanContext, out: Effect[], cmd: string, line: number, via: string): void {
  if (ctx.depth >= MAX_EMBED_DEPTH) return;
  const sub = embedded(ctx, line, via, true);
  out.push(...sub.scanners.shell(cmd, sub));
}

/** Simple `name = expression` assignments (one line), in source order. */
function assignments(py: PySource): Map<string, Range> {
  const vars = new Map<string, Range>();
  for (const m of py.code.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*=(?!=)[ \t]*([^\n]+)$/gm)) {
    const start = (m.index ?? 0) + m[0].length - m[2].length;
    vars.set(m[1], { start, end: start + m[2].length });
  }
  return vars;
}

/** MCP tool descriptions the model reads: `description=` kwargs, "description" keys, docstrings of @*.tool functions. */
function proseOf(py: PySource, src: string, ctx: ScanContext): void {
  for (const s of py.strings) {
    if (s.value.length < 20) continue;
    const before = src.slice(Math.max(0, s.start - 40), s.start);
    const docOfTool = s.triple && /\)\s*(->[^:]+)?:\s*$/.test(before) && /@[\w.]*tool\b/.test(src.slice(Math.max(0, s.start - 600), s.start));
    if (/\bdescription\s*=\s*$|["']description["']\s*:\s*$/.test(before) || docOfTool) ctx.prose.push({ file: ctx.file, line: s.line, text: s.value, context: 'prose' });
  }
}

function spend(ctx: ScanContext): boolean {
  if (ctx.budget.nodes <= 0 || ctx.budget.expired()) return false;
  ctx.budget.nodes--;
  return true;
}
