import { full } from 'acorn-walk';
import { secretKindOfPath } from '../text/sensitive-paths.ts';
import { isWholeEnv } from './carries-env.ts';
import { containsNode, mentionsIds } from './contains-node.ts';
import { fold, memberText } from './fold.ts';
import { canonicalCallee, collectAliases, moduleName, FS_READ, NET, NET_NEW } from './js-apis.ts';
import type { JsState, N } from './js-state.ts';
import { readsInput } from './reads-input.ts';

/** Bindings, module aliases, and which variables hold fetched data or secrets (two rounds to propagate). */
export function prepass(ast: N, st: JsState): void {
  full(ast, (n) => {
    const node = n as N;
    collectAliases(node, st.aliases);
    // import('child_process').then((cp) => cp.exec(…)): the callback's parameter is the module.
    if (node.type === 'CallExpression' && node.callee?.type === 'MemberExpression' && node.callee.property?.name === 'then' && node.callee.object?.type === 'ImportExpression') {
      const mod = node.callee.object.source?.type === 'Literal' ? moduleName(String(node.callee.object.source.value)) : undefined;
      const param = node.arguments[0]?.params?.[0];
      if (mod && param?.type === 'Identifier') st.aliases.set(param.name, mod);
    }
    if (node.type === 'VariableDeclarator' && node.id?.type === 'Identifier' && node.init) st.env.set(node.id.name, node.init);
  });
  for (let round = 0; round < 2; round++) {
    full(ast, (n) => {
      const node = n as N;
      const target = node.type === 'VariableDeclarator' ? node.id : node.type === 'AssignmentExpression' ? node.left : null;
      const value = node.type === 'VariableDeclarator' ? node.init : node.type === 'AssignmentExpression' ? node.right : null;
      if (!target || target.type !== 'Identifier' || !value) return;
      if (mentions(value, st, (c) => NET.test(c), st.fetched)) st.fetched.add(target.name);
      if (readsSecret(value, st) || mentionsIds(value, st.secret) || isWholeEnv(value)) st.secret.add(target.name);
      if (readsInput(value, st) || mentionsIds(value, st.input)) st.input.add(target.name);
      else if (containsNode(value, (c) => FS_READ.test(canonicalCallee(c.callee, st.aliases))) || mentionsIds(value, st.file)) st.file.add(target.name);
      const init = value.type === 'AwaitExpression' ? value.argument : value;
      const made = init?.type === 'NewExpression' || init?.type === 'CallExpression' ? canonicalCallee(init.callee, st.aliases) : '';
      if (made && ((init.type === 'NewExpression' && NET_NEW.test(made)) || NET.test(made))) st.clients.set(target.name, made);
    });
    // Chunks gathered from stdin (`process.stdin.on('data', (c) => (input += c))`) are the hook's input.
    full(ast, (n) => {
      const node = n as N;
      if (node.type !== 'CallExpression' || !/^process\.stdin\.(on|once)$/.test(memberText(node.callee))) return;
      for (const arg of node.arguments) {
        if (arg.type !== 'FunctionExpression' && arg.type !== 'ArrowFunctionExpression') continue;
        full(arg, (m) => {
          const a = m as N;
          if (a.type === 'AssignmentExpression' && a.left?.type === 'Identifier') st.input.add(a.left.name);
        });
      }
    });
    // Data accumulated inside a network callback (`res.on('data', d => body += d)`) is fetched data.
    full(ast, (n) => {
      const node = n as N;
      if (node.type !== 'CallExpression' || !NET.test(canonicalCallee(node.callee, st.aliases))) return;
      for (const arg of node.arguments) {
        if (arg.type !== 'FunctionExpression' && arg.type !== 'ArrowFunctionExpression') continue;
        full(arg, (m) => {
          const a = m as N;
          if (a.type === 'AssignmentExpression' && a.left?.type === 'Identifier') st.fetched.add(a.left.name);
        });
      }
    });
  }
}

function readsSecret(value: N, st: JsState): boolean {
  return containsNode(value, (c) => FS_READ.test(canonicalCallee(c.callee, st.aliases)) && !!secretKindOfPath(fold(c.arguments?.[0], st.env)?.value ?? ''));
}

function mentions(value: N, st: JsState, callee: (name: string) => boolean, ids: Set<string>): boolean {
  return containsNode(value, (c) => callee(canonicalCallee(c.callee, st.aliases))) || (ids.size > 0 && mentionsIds(value, ids));
}
