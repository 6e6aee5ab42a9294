import type { Effect } from '../model.ts';
import { embedded, MAX_EMBED_DEPTH } from '../scan-context.ts';
import { fold } from './fold.ts';
import type { JsState, N } from './js-state.ts';

/** require()/import() of a URL, a `data:` URL (its code is scanned), a sibling file, a module name built from pieces, or a computed name. */
export function moduleLoad(st: JsState, arg: N | undefined, how: string, loc: Effect['loc']): void {
  if (!arg) return;
  const data = fold(arg, st.env)?.value;
  if (data && /^data:/i.test(data)) {
    dataUrl(st, data, how, loc);
    return;
  }
  if (arg.type === 'Literal' && typeof arg.value === 'string') {
    if (/^https?:\/\//.test(arg.value)) st.out.push({ kind: 'remote-eval', how: `${how} of ${arg.value}`, loc });
    else if (/^\.{1,2}\//.test(arg.value)) st.out.push({ kind: 'runs', target: `${st.ctx.selfDir ? `${st.ctx.selfDir}/` : ''}${arg.value}`, inside: true, loc });
    return;
  }
  const f = fold(arg, st.env);
  if (f && /^https?:\/\//.test(f.value)) st.out.push({ kind: 'remote-eval', how: `${how} of ${f.value}`, loc });
  else if (f && arg.type !== 'TemplateLiteral' && !/^[./\u0001$]/.test(f.value)) {
    // A package name assembled from pieces (`require('child' + '_process')`) exists only to hide it.
    const sensitive = /^(node:)?(child_process|fs|fs\/promises|net|tls|http|https|dgram|vm|os|worker_threads|module)$/.test(f.value);
    st.out.push({ kind: 'obfuscation', what: `${how} of a module name built from pieces (${JSON.stringify(f.value.slice(0, 40))})`, severity: sensitive || f.obfuscated ? 'high' : 'medium', loc });
  }
  else if (!f && arg.type !== 'TemplateLiteral') st.out.push({ kind: 'dynamic-code', what: `${how} of a computed module name`, severity: 'medium', loc });
}

/** `import('data:text/javascript;base64,…')`: code smuggled in a URL. Decoded and scanned as JS; base64 is obfuscation. */
function dataUrl(st: JsState, url: string, how: string, loc: Effect['loc']): void {
  const m = /^data:([^,]*?)(;base64)?,(.*)$/is.exec(url);
  if (!m) return;
  let code = m[3];
  try {
    code = m[2] ? Buffer.from(code, 'base64').toString('utf8') : decodeURIComponent(code);
  } catch {
    /* keep the raw text */
  }
  if (m[2]) st.out.push({ kind: 'decode-exec', decoder: 'data: URL base64', runner: how, loc });
  else st.out.push({ kind: 'dynamic-code', what: `${how} of a data: URL runs code written into a string`, loc });
  if (st.ctx.depth < MAX_EMBED_DEPTH) {
    const sub = embedded(st.ctx, loc.line - st.ctx.line0 + 1, `${how} of a data: URL`, true);
    st.out.push(...sub.scanners.js(code, sub));
  }
}
