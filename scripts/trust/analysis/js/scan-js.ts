import type { Node } from 'acorn';
import { full, fullAncestor } from 'acorn-walk';
import type { Effect } from '../model.ts';
import { embedded, locAt, MAX_EMBED_DEPTH, type ScanContext } from '../scan-context.ts';
import { codeTextEffects } from '../text/code-text-effects.ts';
import { permissionAllowIn } from '../text/permission-allow.ts';
import { secretKindOfPath } from '../text/sensitive-paths.ts';
import { fold, memberText, type Folded } from './fold.ts';
import { canonicalCallee, collectAliases, moduleName, CLIENT_SEND, CP_ARGV, CP_SHELL, FS_READ, FS_RM, FS_WRITE, FS_WRITE_DEST, NET, NET_NEW, VM, type Aliases } from './js-apis.ts';
import { parseJs } from './parse-js.ts';

type N = Node & Record<string, any>;

interface JsState {
  ctx: ScanContext;
  env: Map<string, N>;
  aliases: Aliases;
  fetched: Set<string>;
  secret: Set<string>;
  /** Variables holding the hook's input (stdin, the transcript) or a file's content. */
  input: Set<string>;
  file: Set<string>;
  /** Variables holding a network client (`new Anthropic()`, `net.connect()`, `new WebSocket()`), with what made it. */
  clients: Map<string, string>;
  out: Effect[];
}

/**
 * JS/TS front-end (acorn + acorn-walk): child_process (its command strings re-scanned as shell),
 * network calls, credential reads, env dumps, writes, deletes, eval/Function/vm, computed or remote
 * require/import, fromCharCode/atob obfuscation, and `permissionDecision: 'allow'`. Never throws.
 */
export function scanJs(src: string, ctx: ScanContext, typescript = false): Effect[] {
  if (!src.trim() || ctx.budget.expired()) return [];
  const parsed = parseJs(src, typescript);
  const st: JsState = { ctx, env: new Map(), aliases: new Map(), fetched: new Set(), secret: new Set(), input: new Set(), file: new Set(), clients: new Map(), out: [] };
  st.out.push(...codeTextEffects(src, ctx));
  if (!parsed.ok) {
    note(ctx, 'JS_PARSE_ERROR', `JavaScript does not parse (${parsed.message}); only text checks ran`);
    return st.out;
  }
  if (parsed.loose && !typescript) note(ctx, 'JS_PARSE_LOOSE', 'JavaScript has syntax errors; analysed with a tolerant parser');
  try {
    prepass(parsed.ast as N, st);
    fullAncestor(parsed.ast, (node, _state, ancestors) => {
      if (!spend(ctx)) throw new BudgetSpent();
      visit(node as N, ancestors as N[], st);
    });
  } catch (e) {
    if (!(e instanceof BudgetSpent)) note(ctx, 'JS_WALK_ERROR', `JavaScript analysis stopped early: ${e instanceof RangeError ? 'nesting too deep' : String((e as Error)?.message ?? e).slice(0, 100)}`);
  }
  return st.out;
}

class BudgetSpent extends Error {}

/** Bindings, module aliases, and which variables hold fetched data or secrets (two rounds to propagate). */
function prepass(ast: N, st: JsState): void {
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

function visit(node: N, ancestors: N[], st: JsState): void {
  const { ctx, out } = st;
  const line = node.loc?.start?.line ?? 1;
  const at = (via?: string): Effect['loc'] => locAt(ctx, line, (node.loc?.start?.column ?? 0) + 1, via);
  switch (node.type) {
    case 'CallExpression':
    case 'NewExpression': {
      const name = calleeName(node.callee, st);
      const args = node.arguments as N[];
      if (node.type === 'CallExpression' && CP_SHELL.test(name)) shellString(st, args[0], line, name);
      else if (node.type === 'CallExpression' && CP_ARGV.test(name)) argvCall(st, args, line, name);
      if ((node.type === 'CallExpression' && NET.test(name)) || (node.type === 'NewExpression' && NET_NEW.test(name))) network(st, name, args, at());
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
      if (name === 'JSON.stringify' && args[0] && isWholeEnv(args[0])) {
        out.push({ kind: 'secret-read', secret: 'env-dump', what: 'JSON.stringify(process.env) serialises every environment variable', loc: at() });
      }
      if ((name === 'eval' || name === 'Function' || VM.test(name) || name === 'vm.Script') || (/^(setTimeout|setInterval)$/.test(name) && args[0] && /^(Literal|TemplateLiteral|BinaryExpression)$/.test(args[0].type) && fold(args[0], st.env))) {
        dynamicCode(st, node.type === 'NewExpression' && name === 'Function' ? 'new Function' : name, args, line, at());
      }
      if (node.type === 'CallExpression' && node.callee?.type === 'Identifier' && node.callee.name === 'require' && args[0]) moduleLoad(st, args[0], 'require', at());
      if (name === 'String.fromCharCode' && args.length >= 4) {
        const f = fold(node, st.env);
        out.push({ kind: 'obfuscation', what: `String.fromCharCode builds ${f ? JSON.stringify(f.value.slice(0, 40)) : 'a hidden string'}`, severity: f && /child_process|exec|eval|curl|wget|http|require|\.ssh/.test(f.value) ? 'high' : 'medium', loc: at() });
      }
      return;
    }
    case 'ImportExpression':
      moduleLoad(st, node.source, 'import()', at());
      return;
    case 'ImportDeclaration':
      if (typeof node.source?.value === 'string') {
        const spec = node.source.value;
        if (/^https?:\/\//.test(spec)) out.push({ kind: 'remote-eval', how: `import from ${spec}`, loc: at() });
        else if (/^\.{1,2}\//.test(spec)) out.push({ kind: 'runs', target: `${ctx.selfDir ? `${ctx.selfDir}/` : ''}${spec}`, inside: true, loc: at() });
      }
      return;
    case 'TaggedTemplateExpression': {
      const tag = memberText(node.tag);
      if (tag === '$' || tag === 'execa.$' || tag === 'zx.$' || tag === 'Bun.$') {
        const f = fold(node.quasi, st.env) ?? { value: node.quasi.quasis.map((q: N) => q.value.cooked ?? '').join('$X'), decoded: false, obfuscated: false };
        shellFolded(st, f, line, `${tag}\`…\``);
      }
      return;
    }
    case 'Property': {
      const key = node.key?.type === 'Identifier' ? node.key.name : node.key?.type === 'Literal' ? String(node.key.value) : '';
      const value = fold(node.value, st.env)?.value;
      if (key === 'permissionDecision' && value === 'allow') out.push({ kind: 'permission-allow', what: 'permissionDecision "allow"', loc: at() });
      if (key === 'decision' && value === 'approve') out.push({ kind: 'permission-allow', what: 'legacy decision "approve"', loc: at() });
      if (key === 'behavior' && value === 'allow' && ancestors.some((a) => a.type === 'Property' && (a.key?.name === 'decision' || a.key?.value === 'decision'))) {
        out.push({ kind: 'permission-allow', what: 'PermissionRequest behavior "allow"', loc: at() });
      }
      if ((key === 'description' || key === 'instructions') && value && value.length >= 20) ctx.prose.push({ file: ctx.file, line, text: value, context: 'prose' });
      return;
    }
    case 'Literal':
    case 'TemplateLiteral': {
      const text = node.type === 'Literal' ? (typeof node.value === 'string' ? node.value : '') : node.quasis.map((q: N) => q.value.cooked ?? '').join('');
      if (text.length >= 20) {
        const allow = permissionAllowIn(text);
        if (allow && !ancestors.some((a) => a.type === 'Property' && /permissionDecision|decision|behavior/.test(String(a.key?.name ?? a.key?.value)))) out.push({ kind: 'permission-allow', what: allow, loc: at() });
      }
      return;
    }
    default:
      return;
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

function shellString(st: JsState, arg: N | undefined, line: number, via: string): void {
  if (!arg) return;
  const f = fold(arg, st.env);
  if (mentionsIds(arg, st.fetched)) st.out.push({ kind: 'remote-eval', how: `${via} runs data fetched from the network`, loc: locAt(st.ctx, line) });
  if (f) shellFolded(st, f, line, via);
}

function shellFolded(st: JsState, f: Folded, line: number, via: string): void {
  if (f.decoded) st.out.push({ kind: 'decode-exec', decoder: 'a decoded string', runner: via, loc: locAt(st.ctx, line) });
  if (st.ctx.depth >= MAX_EMBED_DEPTH) return;
  const sub = embedded(st.ctx, line, f.decoded ? `${via} of a decoded string` : via, true);
  st.out.push(...sub.scanners.shell(f.value, sub));
}

/** spawn(cmd, [args], {shell}) / execFile: rebuild the command line and re-scan it as shell. */
function argvCall(st: JsState, args: N[], line: number, via: string): void {
  const cmd = fold(args[0], st.env);
  if (!cmd) return;
  const list = args[1]?.type === 'ArrayExpression' ? (args[1].elements as N[]).map((e) => fold(e, st.env)) : [];
  const argv = [cmd, ...list.map((x) => x ?? { value: '$UNKNOWN', decoded: false, obfuscated: false })];
  const decoded = argv.some((a) => a.decoded);
  const quoted = argv.map((a) => `'${a.value.replace(/'/g, `'\\''`)}'`).join(' ');
  const shellOpt = args.some((a) => a?.type === 'ObjectExpression' && a.properties.some((p: N) => p.key?.name === 'shell' && p.value?.value !== false));
  shellFolded(st, { value: shellOpt ? argv.map((a) => a.value).join(' ') : quoted, decoded, obfuscated: false }, line, via);
}

function network(st: JsState, name: string, args: N[], loc: Effect['loc']): void {
  // net.connect(port, host), dgram.createSocket('udp4'): the destination is not the first argument.
  const first = args[0]?.type === 'Literal' && typeof args[0].value === 'number' ? args[1] : /^dgram\./.test(name) ? undefined : args[0];
  let url = fold(first, st.env)?.value;
  if (!url && first?.type === 'ObjectExpression') {
    const host = first.properties.find((p: N) => /^(host|hostname|url)$/.test(p.key?.name ?? p.key?.value ?? ''));
    url = host ? fold(host.value, st.env)?.value : undefined;
  }
  const sends = args.some((a) => a && (isWholeEnv(a) || containsNode(a, isWholeEnv) || containsJsonEnv(a) || carriesEnv(a))) ? 'env'
    : args.some((a) => a && mentionsIds(a, st.secret)) ? 'secret'
    : args.some((a) => a && (mentionsIds(a, st.input) || readsInput(a, st))) ? 'input'
    : args.some((a) => a && mentionsIds(a, st.file)) ? 'file'
    : args.slice(1).some((a) => a?.type === 'ObjectExpression' && a.properties.some((p: N) => /^(body|data|json|form)$/.test(p.key?.name ?? ''))) || /post|put|patch|request/i.test(name) && args.length > 1 ? 'data' : undefined;
  st.out.push({ kind: 'network', tool: name, ...(url ? { url } : {}), ...(sends ? { sends } : {}), loc });
}

/** A method call on a network client: reported when it carries sensitive data or names a destination (`sock.send(buf, 53, '1.2.3.4')`). */
function clientSend(st: JsState, callee: N, name: string, args: N[], loc: Effect['loc']): void {
  let root = callee;
  while (root?.type === 'MemberExpression') root = root.object;
  const made = root?.type === 'Identifier' ? st.clients.get(root.name) : root?.type === 'NewExpression' || root?.type === 'CallExpression' ? canonicalCallee(root.callee, st.aliases) : undefined;
  if (!made || !(NET.test(made) || NET_NEW.test(made))) return;
  const sends = args.some((a) => a && (isWholeEnv(a) || containsNode(a, isWholeEnv) || containsJsonEnv(a) || carriesEnv(a))) ? 'env'
    : args.some((a) => a && mentionsIds(a, st.secret)) ? 'secret'
    : args.some((a) => a && (mentionsIds(a, st.input) || readsInput(a, st))) ? 'input'
    : args.some((a) => a && mentionsIds(a, st.file)) ? 'file' : undefined;
  const url = args.map((a) => fold(a, st.env)?.value).find((v) => v && /^(\w+:\/\/|\d{1,3}(\.\d{1,3}){3}$)/.test(v));
  if (sends || url) st.out.push({ kind: 'network', tool: `${made}(…)${name.slice(Math.max(0, name.indexOf('.')))}`, ...(url ? { url } : {}), ...(sends ? { sends } : {}), loc });
}

/** Does the expression read stdin (`fs.readFileSync(0)`, '/dev/stdin', process.stdin) or mention the transcript? */
function readsInput(value: N, st: JsState): boolean {
  let hit = false;
  try {
    full(value, (m) => {
      const c = m as N;
      if (hit) return;
      if ((c.type === 'CallExpression') && FS_READ.test(canonicalCallee(c.callee, st.aliases)) && /^(0|\/dev\/stdin)$/.test(String(c.arguments?.[0]?.value ?? ''))) hit = true;
      else if (c.type === 'MemberExpression' && memberText(c) === 'process.stdin') hit = true;
      else if ((c.type === 'Identifier' && /^transcript(_path|Path)?$/.test(c.name)) || (c.type === 'Literal' && c.value === 'transcript_path')) hit = true;
    });
  } catch {
    return false;
  }
  return hit;
}

function dynamicCode(st: JsState, name: string, args: N[], line: number, loc: Effect['loc']): void {
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

function moduleLoad(st: JsState, arg: N | undefined, how: string, loc: Effect['loc']): void {
  if (!arg) return;
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

function isWholeEnv(n: N): boolean {
  return memberText(n) === 'process.env' || (n.type === 'ObjectExpression' && n.properties.length === 1 && n.properties[0].type === 'SpreadElement' && memberText(n.properties[0].argument) === 'process.env');
}

/** Does the subtree hand over the whole environment (`{ json: process.env }`, `[process.env]`, `{...process.env}`)? */
function carriesEnv(n: N): boolean {
  let found = false;
  try {
    full(n, (m) => {
      const c = m as N;
      if (!found && ((c.type === 'Property' && isWholeEnv(c.value)) || (c.type === 'ArrayExpression' && c.elements.some((e: N | null) => e && isWholeEnv(e))) || (c.type === 'ObjectExpression' && isWholeEnv(c)))) found = true;
    });
  } catch {
    return false;
  }
  return found;
}

function containsJsonEnv(n: N): boolean {
  return containsNode(n, (c) => memberText(c.callee) === 'JSON.stringify' && c.arguments?.[0] && isWholeEnv(c.arguments[0]));
}

function readsSecret(value: N, st: JsState): boolean {
  return containsNode(value, (c) => FS_READ.test(canonicalCallee(c.callee, st.aliases)) && !!secretKindOfPath(fold(c.arguments?.[0], st.env)?.value ?? ''));
}

function mentions(value: N, st: JsState, callee: (name: string) => boolean, ids: Set<string>): boolean {
  return containsNode(value, (c) => callee(canonicalCallee(c.callee, st.aliases))) || (ids.size > 0 && mentionsIds(value, ids));
}

function mentionsIds(n: N, ids: Set<string>): boolean {
  if (ids.size === 0) return false;
  let found = false;
  try {
    full(n, (m) => {
      if ((m as N).type === 'Identifier' && ids.has((m as N).name)) found = true;
    });
  } catch {
    return false;
  }
  return found;
}

/** Does the subtree contain a call/new node satisfying `pred`? */
function containsNode(n: N, pred: (c: N) => boolean): boolean {
  let found = false;
  try {
    full(n, (m) => {
      const c = m as N;
      if (!found && (c.type === 'CallExpression' || c.type === 'NewExpression') && pred(c)) found = true;
    });
  } catch {
    return false;
  }
  return found;
}

function spend(ctx: ScanContext): boolean {
  if (ctx.budget.nodes <= 0 || ctx.budget.expired()) return false;
  ctx.budget.nodes--;
  return true;
}

function note(ctx: ScanContext, code: string, message: string): void {
  if (!ctx.budget.notes.some((n) => n.code === code && n.file === ctx.file)) ctx.budget.notes.push({ code, file: ctx.file, message });
}
