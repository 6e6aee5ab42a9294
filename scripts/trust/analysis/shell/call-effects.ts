import type { ShNode } from 'mvdan-sh';
import type { Effect } from '../model.ts';
import { embedded, locAt, MAX_EMBED_DEPTH } from '../scan-context.ts';
import { decodeBase64Text } from '../text/decode.ts';
import { secretKindOfPath } from '../text/sensitive-paths.ts';
import { permissionAllowIn } from '../text/permission-allow.ts';
import { baseName, DNS_TOOLS, FETCHERS, interpreterCall, READERS, SOCKET_TOOLS } from './commands.ts';
import { fetcherFacts } from './fetcher-facts.ts';
import { localCommandEffects } from './local-command-effects.ts';
import type { StageInfo } from './pipeline-effects.ts';
import { runtimeFetch } from './runtime-fetch.ts';
import type { ShellWalker } from './walker.ts';
import type { WordVal } from './word.ts';

export interface ShRedir { op: number; fd: string | null; target: WordVal | null; heredocText: string | null; heredocLine: number; line: number }

/** A simple command after expansion and after stripping wrappers (sudo, env, nohup…). */
export interface ShCall {
  words: WordVal[];
  argv: string[];
  /** Basename of the command actually run. */
  name: string;
  line: number;
  redirs: ShRedir[];
  /** Wrappers stripped to reach `name` (sudo, env, nohup…). */
  wrappers: string[];
  node: ShNode | null;
  /** Every word including the wrappers. */
  allWords?: WordVal[];
}

const WRITE_OPS = new Set([54, 55, 60, 64, 65]);

/** Everything one command does, pushed onto the walker's effects. */
const PROC_ENVIRON = /^\/proc\/(self|\d+|\*|\$\$|\$PPID)\/environ$/;

export function callEffects(w: ShellWalker, call: ShCall, info: StageInfo): void {
  const at = (extra?: string): ReturnType<typeof locAt> => locAt(w.ctx, call.line, undefined, extra);
  const out = w.effects;
  const before = out.length;

  for (const r of call.redirs) {
    const t = r.target?.text ?? '';
    if (WRITE_OPS.has(r.op) && t && !/^\/dev\/(null|stdout|stderr|fd\/\d)$/.test(t) && !/^&?\d$/.test(t)) out.push({ kind: 'write', path: t, loc: locAt(w.ctx, r.line) });
    if (r.op === 56 && secretKindOfPath(t)) out.push({ kind: 'secret-read', secret: secretKindOfPath(t)!, what: `reads ${t}`, loc: locAt(w.ctx, r.line) });
    if (/^\/dev\/(tcp|udp)\//.test(t)) out.push({ kind: 'network', tool: '/dev/tcp', url: t, sends: WRITE_OPS.has(r.op) ? 'data' : undefined, loc: locAt(w.ctx, r.line) });
    if (r.heredocText) permissionAllow(w, r.heredocText, locAt(w.ctx, r.heredocLine || r.line));
  }
  if (!call.name) return;

  for (const wr of call.wrappers) {
    if (wr === 'sudo' || wr === 'doas') out.push({ kind: 'privilege', what: `${wr} runs ${call.name} as root`, loc: at() });
    if (wr === 'nohup' || wr === 'setsid') out.push({ kind: 'detach', what: `${wr} keeps ${call.name} running after the hook ends`, loc: at() });
  }

  const head = call.words[0];
  if (head.fetched) out.push({ kind: 'remote-eval', how: 'runs the output of a network fetch as a command', loc: at() });
  else if (head.decoded) out.push({ kind: 'decode-exec', decoder: 'substitution', runner: 'the command line', loc: at() });

  const args = call.argv.slice(1);
  const rest = call.words.slice(1);

  // Interpreters: inline code is re-scanned in its own language; script operands are followed.
  const ic = interpreterCall(call.name, args);
  if (ic) {
    if (ic.inline) {
      const word = rest[ic.inline.index];
      if (word) {
        const code = word.text.replace(/^--(eval|print)=/, '');
        if (word.fetched) out.push({ kind: 'remote-eval', how: `${call.name} runs code fetched from the network`, loc: at() });
        if (word.decoded) out.push({ kind: 'decode-exec', decoder: 'substitution', runner: call.name, loc: at() });
        embed(w, ic.lang, code, call.line, `${call.name} ${call.argv[ic.inline.index] ?? '-c'}`);
      }
    }
    if (ic.script) {
      const word = rest[ic.script.index];
      if (word?.procFetch) out.push({ kind: 'remote-eval', how: `${call.name} <(curl …) runs a fetched script`, loc: at() });
      else if (word) runsScript(w, word.text, call.line);
    }
    if (ic.module === 'pip' && args.includes('install')) {
      const rf = runtimeFetch(['pip', ...args.slice(args.indexOf('install'))]);
      if (rf) out.push({ kind: 'runtime-fetch', ...rf, loc: at() });
    }
    const here = call.redirs.find((r) => r.op === 61 || r.op === 62 || r.op === 63);
    if (ic.stdin && here) {
      const code = here.heredocText ?? here.target?.text ?? '';
      if (here.target?.fetched) out.push({ kind: 'remote-eval', how: `${call.name} <<< "$(curl …)" runs fetched code`, loc: at() });
      embed(w, ic.lang, code, here.heredocLine || call.line, `${call.name} heredoc`, !here.heredocText);
    }
  }

  switch (call.name) {
    case 'eval': {
      const text = args.join(' ');
      if (rest.some((x) => x.fetched)) out.push({ kind: 'remote-eval', how: 'eval of data fetched from the network', loc: at() });
      if (rest.some((x) => x.decoded)) out.push({ kind: 'decode-exec', decoder: 'substitution', runner: 'eval', loc: at() });
      embed(w, 'shell', text, call.line, 'eval', true);
      break;
    }
    case 'source':
    case '.': {
      const word = rest[0];
      const here = call.redirs.find((r) => r.op === 63 || r.op === 61 || r.op === 62);
      if (word?.procFetch || word?.fetched || (here?.target?.fetched && /^(\/dev\/stdin|-|\/proc\/self\/fd\/0)$/.test(word?.text ?? ''))) out.push({ kind: 'remote-eval', how: `${call.name} sources a fetched script`, loc: at() });
      else if (here && /^(\/dev\/stdin|-)$/.test(word?.text ?? '')) embed(w, 'shell', here.heredocText ?? here.target?.text ?? '', here.heredocLine || call.line, `${call.name} /dev/stdin`, !here.heredocText);
      else if (word && secretKindOfPath(word.text) !== 'dotenv') runsScript(w, word.text, call.line);
      break;
    }
    default:
      break;
  }

  // Running a file a fetcher wrote earlier in the same script.
  const ran = ic?.script ? rest[ic.script.index]?.text : call.name === 'source' || call.name === '.' ? args[0] : call.argv[0];
  if (ran && w.downloads.has(normalizeFile(ran))) out.push({ kind: 'fetch-exec', how: 'download-then-run', fetcher: 'an earlier download', runner: call.name, loc: at() });
  if (!ic && call.argv[0].includes('/')) runsScript(w, call.argv[0], call.line);

  if (FETCHERS.has(call.name) || SOCKET_TOOLS.has(call.name) || DNS_TOOLS.has(call.name) || /^(ssh|scp|sftp|rsync)$/.test(call.name)) {
    const f = fetcherFacts(call);
    if (f) {
      out.push({ kind: 'network', tool: call.name, ...(f.url ? { url: f.url } : {}), ...(f.sends ? { sends: f.sends } : {}), loc: at() });
      for (const p of f.readsFiles) {
        const kind = secretKindOfPath(p);
        if (PROC_ENVIRON.test(p)) out.push({ kind: 'secret-read', secret: 'env-dump', what: `${call.name} uploads a process environment (${p})`, loc: at() });
        else if (kind) out.push({ kind: 'secret-read', secret: kind, what: `${call.name} uploads ${p}`, loc: at() });
      }
      for (const o of f.outputs) w.downloads.add(normalizeFile(o));
      for (const r of call.redirs) if (WRITE_OPS.has(r.op) && r.target && (r.fd === null || r.fd === '1')) w.downloads.add(normalizeFile(r.target.text));
    }
  }

  if (READERS.has(call.name) && !FETCHERS.has(call.name)) {
    // `grep -q FLAG .env` (also -c, -l) tests for a setting: only a yes/no or a count leaves the file.
    const probesOnly = call.name === 'grep' && args.some((a) => /^-[a-zA-Z]*[qclL]/.test(a) || a === '--quiet' || a === '--count' || a === '--files-with-matches');
    for (const a of args) {
      if (a.startsWith('-') && !a.includes('=')) continue;
      const p = a.includes('=') && /^(of|if)=/.test(a) ? a.slice(3) : a;
      const kind = secretKindOfPath(p);
      if (kind === 'dotenv' && probesOnly) continue;
      if (kind && !(kind === 'dotenv' && (call.name === 'cp' || call.name === 'ln' || call.name === 'install') && args.indexOf(a) === args.length - 1)) {
        out.push({ kind: 'secret-read', secret: kind, what: `${call.name} ${p}`, loc: at() });
      }
    }
  }

  localCommandEffects(w, call, at);

  const rf = runtimeFetch(call.argv);
  if (rf) out.push({ kind: 'runtime-fetch', ...rf, loc: at() });

  for (const word of call.words) permissionAllow(w, word.text, at());
  base64Literals(w, call);

  if (out.slice(before).some((e) => e.kind === 'secret-read')) info.secret = true;
}

function permissionAllow(w: ShellWalker, text: string, loc: Effect['loc']): void {
  const what = permissionAllowIn(text);
  if (what) w.effects.push({ kind: 'permission-allow', what, loc });
}

/** Re-scan inline code in its own language. */
function embed(w: ShellWalker, lang: string, code: string, line: number, via: string, fixed = false): void {
  if (!code.trim() || w.ctx.depth >= MAX_EMBED_DEPTH) return;
  const sub = embedded(w.ctx, line, via, fixed || w.ctx.fixedLine);
  const scan = lang === 'python' ? sub.scanners.python : lang === 'js' ? sub.scanners.js : lang === 'shell' ? sub.scanners.shell : null;
  if (scan) w.effects.push(...scan(code, sub));
}

/** Base64 literals anywhere in a command are decoded and re-scanned: hiding a payload is itself a signal. */
function base64Literals(w: ShellWalker, call: ShCall): void {
  for (const word of call.words) {
    if (!word.static || word.text.length < 16 || w.ctx.depth >= MAX_EMBED_DEPTH) continue;
    for (const token of word.text.split(/\s+/)) {
      const decoded = token.length >= 16 ? decodeBase64Text(token) : null;
      if (!decoded || !/[a-z]{2,}/i.test(decoded)) continue;
      const sub = embedded(w.ctx, call.line, `base64-decoded ${JSON.stringify(decoded.slice(0, 60))}`, true);
      const inner = sub.scanners.shell(decoded, sub);
      w.effects.push(...inner);
      if (inner.length) w.effects.push({ kind: 'obfuscation', what: 'a base64 literal that decodes to commands', severity: 'high', loc: locAt(w.ctx, call.line) });
    }
  }
}

function runsScript(w: ShellWalker, target: string, line: number): void {
  if (!target || /^\$\(|^<\(|\s/.test(target)) return;
  w.effects.push({ kind: 'runs', target, inside: false, loc: locAt(w.ctx, line) });
}

export function normalizeFile(p: string): string {
  return baseName(p.replace(/^["']|["']$/g, ''));
}
