import type { ExtraFinding } from '../report.ts';
import { lintFinding, type PluginContext } from '../load-checks/plugin-context.ts';

export const RULE = 'lint/missing-readme';

/** Marketplace UIs and reviewers read the plugin's README; without one users install blind. */
export function pluginShipsReadme(ctx: PluginContext): ExtraFinding[] {
  if (!ctx.root || !(ctx.manifestFile || ctx.marketplace?.entry)) return [];
  if (ctx.fs.readdir(ctx.root).some((n) => /^readme(\.[a-z]+)?$/i.test(n))) return [];
  return [lintFinding({
    rule: RULE, severity: 'note', file: ctx.manifestFile ?? ctx.root,
    message: 'The plugin has no README at its root.',
    hint: 'Add README.md: what the plugin does, its commands/skills, required setup (userConfig, MCP credentials).',
  })];
}
