import { embedded, locAt, MAX_EMBED_DEPTH } from '../scan-context.ts';
import { mentionsIds } from './contains-node.ts';
import { fold, type Folded } from './fold.ts';
import type { JsState, N } from './js-state.ts';

/** A command string handed to a shell (`exec(cmd)`): fetched data run as code, else re-scanned as shell. */
export function shellString(st: JsState, arg: N | undefined, line: number, via: string): void {
  if (!arg) return;
  const f = fold(arg, st.env);
  if (mentionsIds(arg, st.fetched)) st.out.push({ kind: 'remote-eval', how: `${via} runs data fetched from the network`, loc: locAt(st.ctx, line) });
  if (f) shellFolded(st, f, line, via);
}

/** A folded command line re-scanned as shell; a decoded one is also decode-then-run. */
export function shellFolded(st: JsState, f: Folded, line: number, via: string): void {
  if (f.decoded) st.out.push({ kind: 'decode-exec', decoder: 'a decoded string', runner: via, loc: locAt(st.ctx, line) });
  if (st.ctx.depth >= MAX_EMBED_DEPTH) return;
  const sub = embedded(st.ctx, line, f.decoded ? `${via} of a decoded string` : via, true);
  st.out.push(...sub.scanners.shell(f.value, sub));
}

/** spawn(cmd, [args], {shell}) / execFile: rebuild the command line and re-scan it as shell. */
export function argvCall(st: JsState, args: N[], line: number, via: string): void {
  const cmd = fold(args[0], st.env);
  if (!cmd) return;
  const list = args[1]?.type === 'ArrayExpression' ? (args[1].elements as N[]).map((e) => fold(e, st.env)) : [];
  const argv = [cmd, ...list.map((x) => x ?? { value: '$UNKNOWN', decoded: false, obfuscated: false })];
  const decoded = argv.some((a) => a.decoded);
  const quoted = argv.map((a) => `'${a.value.replace(/'/g, `'\\''`)}'`).join(' ');
  const shellOpt = args.some((a) => a?.type === 'ObjectExpression' && a.properties.some((p: N) => p.key?.name === 'shell' && p.value?.value !== false));
  shellFolded(st, { value: shellOpt ? argv.map((a) => a.value).join(' ') : quoted, decoded, obfuscated: false }, line, via);
}
