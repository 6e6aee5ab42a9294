import type { ExtraFinding } from '../report.ts';
import { lintFinding, type PluginContext } from '../load-checks/plugin-context.ts';
import { BUILTIN_COMMANDS } from './builtin-commands.ts';
import { componentTexts, namespaceOf } from './component-texts.ts';

export const RULE = 'lint/shadows-builtin';

/**
 * A plugin command or skill whose name is a Claude Code built-in (`/help`, `/review`, `/init`…) never
 * answers to the short name: the built-in wins and users must type `/plugin:name`.
 */
export function namesDoNotShadowBuiltins(ctx: PluginContext): ExtraFinding[] {
  const plugin = namespaceOf(ctx);
  return componentTexts(ctx)
    .filter((c) => (c.kind === 'command' || c.kind === 'skill') && BUILTIN_COMMANDS.has(c.name.toLowerCase()))
    .map((c) => lintFinding({
      rule: RULE, severity: 'warning', file: c.file,
      message: `${c.kind} "${c.name}" has the name of a Claude Code built-in command; /${c.name} runs the built-in, so this one is only reachable as /${plugin}:${c.name}.`,
      hint: `Rename it (e.g. "${plugin}-${c.name}" or a more specific verb).`,
    }));
}
