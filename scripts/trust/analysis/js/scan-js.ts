import { fullAncestor } from 'acorn-walk';
import type { Effect } from '../model.ts';
import { locAt, type ScanContext } from '../scan-context.ts';
import { codeTextEffects } from '../text/code-text-effects.ts';
import { permissionAllowIn } from '../text/permission-allow.ts';
import { fold, memberText } from './fold.ts';
import type { JsState, N } from './js-state.ts';
import { moduleLoad } from './module-load.ts';
import { parseJs } from './parse-js.ts';
import { prepass } from './prepass.ts';
import { shellFolded } from './shell-string.ts';
import { visitCall } from './visit-call.ts';

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

function visit(node: N, ancestors: N[], st: JsState): void {
  const { ctx, out } = st;
  const line = node.loc?.start?.line ?? 1;
  const at = (via?: string): Effect['loc'] => locAt(ctx, line, (node.loc?.start?.column ?? 0) + 1, via);
  switch (node.type) {
    case 'CallExpression':
    case 'NewExpression':
      visitCall(node, st, at);
      return;
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

function spend(ctx: ScanContext): boolean {
  if (ctx.budget.nodes <= 0 || ctx.budget.expired()) return false;
  ctx.budget.nodes--;
  return true;
}

function note(ctx: ScanContext, code: string, message: string): void {
  if (!ctx.budget.notes.some((n) => n.code === code && n.file === ctx.file)) ctx.budget.notes.push({ code, file: ctx.file, message });
}
