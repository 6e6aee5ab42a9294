import type { ExtraFinding } from '../report.ts';
import { lintFinding, type PluginContext } from '../load-checks/plugin-context.ts';
import { fieldValue, frontmatterKeyLine } from '../load-checks/support/frontmatter.ts';
import { componentTexts } from './component-texts.ts';

export const RULE = 'lint/unscoped-bash';

/** Bare `Bash`, `Bash(*)` or `Bash(:*)`: every shell command. */
const UNSCOPED = /^\s*Bash\s*(\(\s*:?\*\s*\))?\s*$/;

/**
 * `allowed-tools` in a command or skill pre-approves those tools while it runs. A bare `Bash`
 * approves every shell command the model chooses, without a prompt. Scope it to the commands needed.
 */
export function allowedToolsAreScoped(ctx: PluginContext): ExtraFinding[] {
  const out: ExtraFinding[] = [];
  for (const c of componentTexts(ctx)) {
    if (c.kind !== 'command' && c.kind !== 'skill') continue;
    const v = fieldValue(c.data, 'allowed-tools');
    const tools = typeof v === 'string' ? splitTools(v) : Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
    if (!tools.some((t) => UNSCOPED.test(t))) continue;
    out.push(lintFinding({
      rule: RULE, severity: 'warning', file: c.file, path: 'allowed-tools', line: frontmatterKeyLine(c.md, 'allowed-tools'),
      message: `${c.kind} "${c.name}" pre-approves Bash without a pattern: while it runs, any shell command executes without asking.`,
      hint: 'Scope it, e.g. "Bash(git status:*), Bash(git diff:*)" or "Bash(${CLAUDE_PLUGIN_ROOT}/scripts/x.sh:*)".',
    }));
  }
  return out;
}

/** Split a comma list, keeping commas inside `Tool(…)` patterns. */
function splitTools(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter(Boolean);
}
