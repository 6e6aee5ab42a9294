import type { ExtraFinding } from '../report.ts';
import { lintFinding, type PluginContext } from '../load-checks/plugin-context.ts';
import { componentTexts, namespaceOf } from './component-texts.ts';

export const RULE = 'lint/duplicate-name';

/**
 * Commands and skills share one namespace (`/plugin:name`), and agents share another: two of the same
 * name in one plugin collide, and only one of them is reachable.
 */
export function componentNamesAreUnique(ctx: PluginContext): ExtraFinding[] {
  const plugin = namespaceOf(ctx);
  const seen = new Map<string, string>();
  const out: ExtraFinding[] = [];
  for (const c of componentTexts(ctx)) {
    if (c.kind === 'output-style') continue;
    const key = `${c.kind === 'agent' ? 'agent' : 'invocable'}\0${c.name.toLowerCase()}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, c.file);
      continue;
    }
    out.push(lintFinding({
      rule: RULE, severity: 'warning', file: c.file,
      message: `${c.kind} "${c.name}" has the same name as ${first}; both would be ${c.kind === 'agent' ? `agent ${plugin}:${c.name}` : `/${plugin}:${c.name}`}, and only one is reachable.`,
      hint: 'Rename one of them.',
    }));
  }
  return out;
}
