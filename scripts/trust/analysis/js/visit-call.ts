import type { Effect } from '../model.ts';
import { locAt } from '../scan-context.ts';
import { secretKindOfPath } from '../text/sensitive-paths.ts';
import { isWholeEnv } from './carries-env.ts';
import { dynamicCode } from './dynamic-code.ts';
import { fold } from './fold.ts';
import { canonicalCallee, CLIENT_SEND, CP_ARGV, CP_SHELL, FS_READ, FS_RM, FS_WRITE, FS_WRITE_DEST, NET, NET_NEW, VM } from './js-apis.ts';
import type { JsState, N } from './js-state.ts';
import { moduleLoad } from './module-load.ts';
import { clientSend, networkCall } from './network-call.ts';
import { argvCall, shellString } from './shell-string.ts';

/** A call or `new`: child processes, network, credential reads, writes, deletes, env dumps, dynamic code, require, fromCharCode. */
export function visitCall(node: N, st: JsState, at: (via?: string) => Effect['loc']): void {
  const { out } = st;
  const line = node.loc?.start?.line ?? 1;
  const name = calleeName(node.callee, st);
  const args = node.arguments as N[];
  if (node.type === 'CallExpression' && CP_SHELL.test(name)) shellString(st, args[0], line, name);
  else if (node.type === 'CallExpression' && CP_ARGV.test(name)) argvCall(st, args, line, name);
  if ((node.type === 'CallExpression' && NET.test(name)) || (node.type === 'NewExpression' && NET_NEW.test(name))) networkCall(st, name, args, at());
  else if (node.type === 'CallExpression' && node.callee?.type === 'MemberExpression' && !node.callee.computed && CLIENT_SEND.test(`.${node.callee.property?.name}`)) clientSend(st, node.callee, name || `.${node.callee.property.name}`, args, at());
  if (node.type === 'CallExpression' && FS_READ.test(name)) {
    const p = fold(args[0], st.env)?.value;
    const kind = p ? secretKindOfPath(p) : null;
    if (kind) out.push({ kind: 'secret-read', secret: kind, what: `${name}(${JSON.stringify(p)})`, loc: at() });
  }
  if (node.type === 'CallExpression' && (FS_WRITE.test(name) || FS_WRITE_DEST.test(name))) {
    const p = fold(FS_WRITE.test(name) ? args[0] : args[1], st.env)?.value;
    if (p) out.push({ kind: 'write', path: p, loc: at() });
  }
  if (node.type === 'CallExpression' && FS_RM.test(name)) {
    const p = fold(args[0], st.env)?.value;
    if (p && /^(\/|~|~\/|\/\*|~\/\*|\/(etc|usr|var|home|Users|bin|lib))\/?$/.test(p)) out.push({ kind: 'delete', target: p, why: `${name} on ${p}`, loc: at() });
  }
  if (/^(JSON\.stringify|Object\.(entries|values|assign|fromEntries)|structuredClone|util\.inspect)$/.test(name) && args.some((a) => a && isWholeEnv(a))) {
    out.push({ kind: 'secret-read', secret: 'env-dump', what: `${name}(process.env) copies every environment variable`, loc: at() });
  }
  // `new Worker(code, { eval: true })` runs a string; `new Worker('data:…')` / `new Worker(new URL('data:…'))` runs a URL's body.
  if (node.type === 'NewExpression' && /(^|\.)Worker$/.test(name) && args[0]) {
    const evalOpt = args[1]?.type === 'ObjectExpression' && args[1].properties.some((p: N) => p.key?.name === 'eval' && p.value?.value === true);
    if (evalOpt) dynamicCode(st, 'new Worker(eval)', [args[0]], line, at());
    else moduleLoad(st, args[0].type === 'NewExpression' && args[0].arguments?.[0] ? args[0].arguments[0] : args[0], 'new Worker', at());
  }
  if ((name === 'eval' || name === 'Function' || VM.test(name) || name === 'vm.Script') || (/^(setTimeout|setInterval)$/.test(name) && args[0] && /^(Literal|TemplateLiteral|BinaryExpression)$/.test(args[0].type) && fold(args[0], st.env))) {
    dynamicCode(st, node.type === 'NewExpression' && name === 'Function' ? 'new Function' : name, args, line, at());
  }
  if (node.type === 'CallExpression' && node.callee?.type === 'Identifier' && node.callee.name === 'require' && args[0]) moduleLoad(st, args[0], 'require', at());
  if (name === 'String.fromCharCode' && args.length >= 4) {
    const f = fold(node, st.env);
    out.push({ kind: 'obfuscation', what: `String.fromCharCode builds ${f ? JSON.stringify(f.value.slice(0, 40)) : 'a hidden string'}`, severity: f && /child_process|exec|eval|curl|wget|http|require|\.ssh/.test(f.value) ? 'high' : 'medium', loc: at() });
  }
}

/** The canonical callee, folding computed members built from strings (`cp['ex' + 'ecSync']`, `global['ev' + 'al']`). */
function calleeName(callee: N, st: JsState): string {
  if (callee?.type === 'MemberExpression' && callee.computed && callee.property?.type !== 'Literal') {
    const prop = fold(callee.property, st.env)?.value;
    const obj = calleeName(callee.object, st) || canonicalCallee(callee.object, st.aliases);
    if (prop && /^[\w$]+$/.test(prop)) {
      st.out.push({ kind: 'obfuscation', what: `a method name built at run time (${JSON.stringify(prop)})`, severity: 'medium', loc: locAt(st.ctx, callee.loc?.start?.line ?? 1) });
      return obj ? `${obj}.${prop}`.replace(/^(globalThis|global|window)\./, '') : prop;
    }
  }
  return canonicalCallee(callee, st.aliases);
}
