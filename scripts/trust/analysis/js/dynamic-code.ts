import type { Effect } from '../model.ts';
import { embedded, MAX_EMBED_DEPTH } from '../scan-context.ts';
import { containsNode, mentionsIds } from './contains-node.ts';
import { fold, memberText } from './fold.ts';
import type { JsState, N } from './js-state.ts';

/** eval / Function / vm / string timers: fetched or decoded code, constant code (re-scanned as JS), or code built at run time. */
export function dynamicCode(st: JsState, name: string, args: N[], line: number, loc: Effect['loc']): void {
  const arg = args[args.length - 1];
  if (arg && mentionsIds(arg, st.fetched)) {
    st.out.push({ kind: 'remote-eval', how: `${name} of data fetched from the network`, loc });
    return;
  }
  const f = arg ? fold(arg, st.env) : null;
  if (f?.decoded || (arg && containsNode(arg, (n) => /^(atob|Buffer\.from|String\.fromCharCode)$/.test(memberText(n.callee))))) {
    st.out.push({ kind: 'decode-exec', decoder: 'atob/Buffer/fromCharCode', runner: name, loc });
  }
  // Bundler idioms with constant code (`new Function('return this')`, `eval('require')`) are not code built at run time.
  if (f && !f.decoded && /^\s*(return\s+this;?|require|this|globalThis|module|exports)\s*$/.test(f.value)) return;
  const allLiteral = !!f && args.every((a) => fold(a, st.env) !== null);
  st.out.push({ kind: 'dynamic-code', what: allLiteral ? `${name}(…) of constant code` : `${name}(…) runs code built at run time`, ...(allLiteral ? { severity: 'medium' as const } : {}), loc });
  if (f && st.ctx.depth < MAX_EMBED_DEPTH) {
    const sub = embedded(st.ctx, line, name, true);
    st.out.push(...sub.scanners.js(f.value, sub));
  }
}
