import type { Node } from 'acorn';
import { decodeBase64Text } from '../text/decode.ts';
import { ROOT_MARK, SELF_MARK } from '../shell/word.ts';

/** A statically known string, and whether computing it involved decoding (atob, Buffer base64, fromCharCode). */
export interface Folded { value: string; decoded: boolean; obfuscated: boolean }

type N = Node & Record<string, any>;

/**
 * Constant-fold a JS expression to a string where the code makes it knowable: literals, templates,
 * `+`, const bindings, `[…].join()`, `.split('').reverse().join('')`, `String.fromCharCode`, `atob`,
 * `Buffer.from(…, 'base64')`, `path.join`, `os.homedir()`, `__dirname`. The disguises of the crafted
 * cases ('cu' + 'rl', atob('Y3VybA==')) fold to what runs. Null when unknown.
 */
export function fold(node: N | null | undefined, env: Map<string, N>, depth = 0): Folded | null {
  if (!node || depth > 40) return null;
  const sub = (n: N | null | undefined): Folded | null => fold(n, env, depth + 1);
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' || typeof node.value === 'number' ? plain(String(node.value)) : null;
    case 'TemplateLiteral': {
      let out = '';
      const f = plain('');
      for (let i = 0; i < node.quasis.length; i++) {
        out += node.quasis[i].value.cooked ?? node.quasis[i].value.raw;
        if (i < node.expressions.length) {
          const e = sub(node.expressions[i]);
          if (!e) return null;
          merge(f, e);
          out += e.value;
        }
      }
      f.value = out;
      return f;
    }
    case 'BinaryExpression': {
      if (node.operator !== '+') return null;
      const a = sub(node.left);
      const b = sub(node.right);
      return a && b ? merge({ value: a.value + b.value, decoded: a.decoded, obfuscated: a.obfuscated }, b) : null;
    }
    case 'Identifier':
      if (node.name === '__dirname') return plain(SELF_MARK);
      if (node.name === '__filename') return plain(`${SELF_MARK}/self`);
      return env.has(node.name) ? sub(env.get(node.name)) : null;
    case 'ParenthesizedExpression':
    case 'ChainExpression':
      return sub(node.expression);
    case 'AwaitExpression':
      return null;
    case 'MemberExpression':
      return foldMember(node, sub);
    case 'CallExpression':
      return foldCall(node, sub);
    case 'NewExpression':
      return node.callee?.name === 'URL' && node.arguments.length >= 1 ? sub(node.arguments[0]) : null;
    default:
      return null;
  }
}

function foldMember(node: N, sub: (n: N) => Folded | null): Folded | null {
  const text = memberText(node);
  if (text === 'process.env.HOME' || text === 'process.env.USERPROFILE') return plain('~');
  if (text === 'process.env.CLAUDE_PLUGIN_ROOT') return plain(ROOT_MARK);
  if (text === 'process.env.CLAUDE_PROJECT_DIR') return plain('${CLAUDE_PROJECT_DIR}');
  if (text === 'import.meta.dirname') return plain(SELF_MARK);
  if (node.computed && node.object?.type === 'ArrayExpression') {
    const i = sub(node.property);
    const el = i ? node.object.elements[Number(i.value)] : null;
    return el ? sub(el) : null;
  }
  return null;
}

function foldCall(node: N, sub: (n: N) => Folded | null): Folded | null {
  const callee = node.callee as N;
  const args = node.arguments as N[];
  const name = memberText(callee);
  if (name === 'String.fromCharCode' || name === 'String.fromCodePoint') {
    const codes = args.length === 1 && args[0].type === 'SpreadElement' && args[0].argument.type === 'ArrayExpression' ? args[0].argument.elements : args;
    const vals = codes.map((a: N) => (a?.type === 'Literal' && typeof a.value === 'number' ? a.value : NaN));
    if (vals.some((v: number) => !Number.isInteger(v) || v < 0 || v > 0x10ffff)) return null;
    return { value: String.fromCodePoint(...vals), decoded: true, obfuscated: vals.length >= 4 };
  }
  if (name === 'atob' && args.length === 1) {
    const a = sub(args[0]);
    const d = a ? decodeBase64Text(a.value) : null;
    return d ? { value: d, decoded: true, obfuscated: true } : null;
  }
  if (name === 'os.homedir' || name === 'homedir' || name === 'require("os").homedir') return plain('~');
  if (name === 'process.cwd') return plain('${CLAUDE_PROJECT_DIR}');
  if (/^(path\.)?(join|resolve|posix\.join)$/.test(name) && args.length >= 1) {
    const parts = args.map(sub);
    if (parts.some((p) => !p)) return null;
    const f = plain(parts.map((p) => p!.value).join('/').replace(/\/{2,}/g, '/'));
    parts.forEach((p) => merge(f, p!));
    return f;
  }
  if (/^(decodeURIComponent|decodeURI|unescape|String)$/.test(name) && args.length === 1) {
    const a = sub(args[0]);
    if (!a) return null;
    try {
      return { ...a, value: name === 'String' ? a.value : decodeURIComponent(a.value) };
    } catch {
      return a;
    }
  }
  if (callee.type === 'MemberExpression' && !callee.computed) {
    const prop = callee.property?.name as string;
    const obj = callee.object as N;
    if (prop === 'toString' && obj.type === 'CallExpression' && memberText(obj.callee) === 'Buffer.from') {
      const data = sub(obj.arguments[0]);
      const enc = sub(obj.arguments[1])?.value;
      if (!data) return null;
      if (enc === 'base64' || enc === 'base64url') {
        const d = decodeBase64Text(data.value);
        return d ? { value: d, decoded: true, obfuscated: true } : null;
      }
      if (enc === 'hex') {
        const d = Buffer.from(data.value, 'hex').toString('utf8');
        return { value: d, decoded: true, obfuscated: true };
      }
      return data;
    }
    if (prop === 'join' && obj.type === 'ArrayExpression') {
      const parts = obj.elements.map((e: N) => sub(e));
      const sep = args.length ? sub(args[0]) : plain(',');
      if (!sep || parts.some((p: Folded | null) => !p)) return null;
      const f = plain(parts.map((p: Folded) => p.value).join(sep.value));
      f.obfuscated = parts.length >= 3;
      return f;
    }
    if (prop === 'join' && obj.type === 'CallExpression' && obj.callee?.property?.name === 'reverse') {
      const inner = obj.callee.object as N;
      if (inner.type === 'CallExpression' && inner.callee?.property?.name === 'split') {
        const s = sub(inner.callee.object);
        const sep = args.length ? sub(args[0]) : plain(',');
        return s && sep ? { value: [...s.value].reverse().join(sep.value), decoded: true, obfuscated: true } : null;
      }
    }
    if (prop === 'concat') {
      const base = sub(obj);
      const parts = args.map(sub);
      if (!base || parts.some((p) => !p)) return null;
      return { value: base.value + parts.map((p) => p!.value).join(''), decoded: base.decoded, obfuscated: base.obfuscated };
    }
    if ((prop === 'trim' || prop === 'toLowerCase' || prop === 'toString') && args.length === 0) {
      const base = sub(obj);
      return base ? { ...base, value: prop === 'toLowerCase' ? base.value.toLowerCase() : prop === 'trim' ? base.value.trim() : base.value } : null;
    }
  }
  return null;
}

/** `a.b.c` for a member chain of identifiers (`require("os").homedir` for a call on require), else ''. */
export function memberText(node: N | null | undefined, depth = 0): string {
  if (!node || depth > 20) return '';
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MetaProperty') return `${node.meta.name}.${node.property.name}`;
  if (node.type === 'MemberExpression') {
    const obj = memberText(node.object, depth + 1);
    const prop = !node.computed && node.property?.type === 'Identifier' ? node.property.name : node.computed && node.property?.type === 'Literal' ? String(node.property.value) : '';
    return obj && prop ? `${obj}.${prop}` : '';
  }
  if (node.type === 'CallExpression' && node.callee?.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
    return `require("${String(node.arguments[0].value).replace(/^node:/, '')}")`;
  }
  if (node.type === 'ChainExpression' || node.type === 'ParenthesizedExpression') return memberText(node.expression, depth + 1);
  return '';
}

function plain(value: string): Folded {
  return { value, decoded: false, obfuscated: false };
}

function merge(a: Folded, b: Folded): Folded {
  a.decoded ||= b.decoded;
  a.obfuscated ||= b.obfuscated;
  return a;
}
