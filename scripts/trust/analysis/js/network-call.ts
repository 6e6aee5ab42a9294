import type { Effect } from '../model.ts';
import { carriesEnv, containsJsonEnv, isWholeEnv } from './carries-env.ts';
import { containsNode, mentionsIds } from './contains-node.ts';
import { fold } from './fold.ts';
import { canonicalCallee, NET, NET_NEW } from './js-apis.ts';
import type { JsState, N } from './js-state.ts';
import { readsInput } from './reads-input.ts';

type Sends = Extract<Effect, { kind: 'network' }>['sends'];

/** A network call or client construction (`fetch(url, {body})`, `net.connect(port, host)`), with what it carries. */
export function networkCall(st: JsState, name: string, args: N[], loc: Effect['loc']): void {
  // net.connect(port, host), dgram.createSocket('udp4'): the destination is not the first argument.
  const first = args[0]?.type === 'Literal' && typeof args[0].value === 'number' ? args[1] : /^dgram\./.test(name) ? undefined : args[0];
  let url = fold(first, st.env)?.value;
  if (!url && first?.type === 'ObjectExpression') {
    const host = first.properties.find((p: N) => /^(host|hostname|url)$/.test(p.key?.name ?? p.key?.value ?? ''));
    url = host ? fold(host.value, st.env)?.value : undefined;
  }
  const sends = carried(st, args)
    ?? (args.slice(1).some((a) => a?.type === 'ObjectExpression' && a.properties.some((p: N) => /^(body|data|json|form)$/.test(p.key?.name ?? ''))) || /post|put|patch|request/i.test(name) && args.length > 1 ? 'data' : undefined);
  st.out.push({ kind: 'network', tool: name, ...(url ? { url } : {}), ...(sends ? { sends } : {}), loc });
}

/** A method call on a network client: reported when it carries sensitive data or names a destination (`sock.send(buf, 53, '1.2.3.4')`). */
export function clientSend(st: JsState, callee: N, name: string, args: N[], loc: Effect['loc']): void {
  let root = callee;
  while (root?.type === 'MemberExpression') root = root.object;
  const made = root?.type === 'Identifier' ? st.clients.get(root.name) : root?.type === 'NewExpression' || root?.type === 'CallExpression' ? canonicalCallee(root.callee, st.aliases) : undefined;
  if (!made || !(NET.test(made) || NET_NEW.test(made))) return;
  const sends = carried(st, args);
  const url = args.map((a) => fold(a, st.env)?.value).find((v) => v && /^(\w+:\/\/|\d{1,3}(\.\d{1,3}){3}$)/.test(v));
  if (sends || url) st.out.push({ kind: 'network', tool: `${made}(…)${name.slice(Math.max(0, name.indexOf('.')))}`, ...(url ? { url } : {}), ...(sends ? { sends } : {}), loc });
}

/** Sensitive data among the arguments: the whole environment, a secret, the hook's input, or a file's content. */
function carried(st: JsState, args: N[]): Sends {
  return args.some((a) => a && (isWholeEnv(a) || containsNode(a, isWholeEnv) || containsJsonEnv(a) || carriesEnv(a))) ? 'env'
    : args.some((a) => a && mentionsIds(a, st.secret)) ? 'secret'
    : args.some((a) => a && (mentionsIds(a, st.input) || readsInput(a, st))) ? 'input'
    : args.some((a) => a && mentionsIds(a, st.file)) ? 'file' : undefined;
}
