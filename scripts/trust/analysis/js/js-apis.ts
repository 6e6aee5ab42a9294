import type { Node } from 'acorn';
import { memberText } from './fold.ts';

type N = Node & Record<string, any>;

/** Local name → canonical module path (`cp` → `child_process`, `run` → `child_process.execSync`). */
export type Aliases = Map<string, string>;

const MODULES: Record<string, string> = {
  child_process: 'child_process', fs: 'fs', 'fs/promises': 'fs', 'fs-extra': 'fs', http: 'http', https: 'https', http2: 'http',
  net: 'net', tls: 'tls', dgram: 'dgram', vm: 'vm', os: 'os', path: 'path', axios: 'axios', 'node-fetch': 'fetch', 'cross-fetch': 'fetch',
  undici: 'undici', got: 'got', ws: 'WebSocket', request: 'request', superagent: 'superagent', execa: 'execa', shelljs: 'shelljs', zx: 'zx', rimraf: 'rimraf',
  nodemailer: 'nodemailer', '@anthropic-ai/sdk': 'anthropic', openai: 'openai', mem0ai: 'mem0ai', 'socket.io-client': 'socket.io-client', ky: 'ky', 'isomorphic-fetch': 'fetch',
};

export function moduleName(spec: string): string | undefined {
  return MODULES[spec.replace(/^node:/, '')];
}

/** Record what `const x = require('m')`, `const {a: b} = require('m')` and `import … from 'm'` bind. */
export function collectAliases(node: N, aliases: Aliases): void {
  if (node.type === 'ImportDeclaration') {
    const mod = moduleName(String(node.source?.value ?? ''));
    if (!mod) return;
    for (const s of node.specifiers ?? []) {
      if (s.type === 'ImportSpecifier') aliases.set(s.local.name, `${mod}.${s.imported?.name ?? s.imported?.value}`);
      else aliases.set(s.local.name, mod);
    }
    return;
  }
  if (node.type !== 'VariableDeclarator' || !node.init) return;
  const init = unwrapAwait(node.init);
  const mod = requiredModule(init);
  if (!mod) return;
  if (node.id.type === 'Identifier') aliases.set(node.id.name, mod);
  else if (node.id.type === 'ObjectPattern') {
    for (const p of node.id.properties ?? []) {
      if (p.type !== 'Property' || p.key?.type !== 'Identifier') continue;
      const local = p.value?.type === 'Identifier' ? p.value.name : p.value?.left?.name;
      if (!local) continue;
      aliases.set(local, p.key.name === 'promises' && mod === 'fs' ? 'fs' : `${mod}.${p.key.name}`);
    }
  }
}

/** `require('m')`, `require('m').promises`, `await import('m')` → canonical module, else undefined. */
function requiredModule(init: N): string | undefined {
  if (init.type === 'CallExpression' && init.callee?.name === 'require' && init.arguments[0]?.type === 'Literal') return moduleName(String(init.arguments[0].value));
  if (init.type === 'ImportExpression' && init.source?.type === 'Literal') return moduleName(String(init.source.value));
  if (init.type === 'MemberExpression' && !init.computed && init.property?.name === 'promises') return requiredModule(init.object);
  return undefined;
}

function unwrapAwait(n: N): N {
  return n.type === 'AwaitExpression' ? n.argument : n;
}

/** The canonical name of a callee: `cp.exec` → `child_process.exec`, `fetch` → `fetch`. */
export function canonicalCallee(callee: N, aliases: Aliases): string {
  const text = memberText(callee).replace(/^require\("([^"]+)"\)/, (_m, s: string) => moduleName(s) ?? s);
  if (!text) return '';
  const [head, ...rest] = text.split('.');
  const mapped = aliases.get(head);
  const full = mapped ? [mapped, ...rest].join('.') : text;
  return full.replace(/^fs\.promises\./, 'fs.').replace(/^globalThis\.|^window\.|^global\./, '');
}

export const CP_SHELL = /^(child_process\.(exec|execSync)|shelljs\.exec|execa\.execaCommand|execa\.execaCommandSync|execaCommand|execaCommandSync)$/;
export const CP_ARGV = /^(child_process\.(spawn|spawnSync|execFile|execFileSync|fork)|execa|execa\.execa|execa\.execaSync|execa\.sync)$/;
export const NET = /^(fetch|undici\.(fetch|request|stream)|axios(\.(get|post|put|patch|delete|request|head|create))?|got(\.(get|post|put|patch|delete|stream))?|ky(\.(get|post|put|patch|delete))?|https?\.(request|get)|net\.(connect|createConnection)|tls\.connect|dgram\.createSocket|request(\.(get|post|put))?|superagent\.(get|post|put)|navigator\.sendBeacon|Bun\.connect|Deno\.connect|nodemailer\.createTransport|socket\.io-client(\.(io|connect))?)$/;
export const NET_NEW = /^(WebSocket|WebSocket\.WebSocket|XMLHttpRequest|EventSource|net\.Socket|anthropic(\.Anthropic)?|openai(\.OpenAI|\.AzureOpenAI)?|mem0ai(\.MemoryClient)?|undici\.(Client|Pool))$/;
/** Methods of a network client that send what they are given (`ws.send(x)`, `sock.write(x)`, `client.messages.create({…})`). */
export const CLIENT_SEND = /\.(send|sendto|write|end|emit|sendMail|create|add|search|post|put|patch|request|stream)$/;
export const FS_READ = /^(fs\.(readFile|readFileSync|createReadStream|openSync|open|copyFile|copyFileSync|cp|cpSync)|Bun\.file)$/;
export const FS_WRITE = /^fs\.(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|outputFile|outputFileSync)$/;
export const FS_WRITE_DEST = /^fs\.(copyFile|copyFileSync|symlink|symlinkSync|rename|renameSync|cp|cpSync|link|linkSync|copy|copySync|move|moveSync)$/;
export const FS_RM = /^(fs\.(rm|rmSync|rmdir|rmdirSync|remove|removeSync|emptyDir|emptyDirSync)|rimraf(\.sync)?)$/;
export const VM = /^vm\.(runInThisContext|runInNewContext|runInContext|compileFunction)$/;
