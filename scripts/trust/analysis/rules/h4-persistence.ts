import type { Rule } from '../analysis-model.ts';
import { persistenceTarget } from '../text/sensitive-paths.ts';
import { effectsOf } from './effects-of.ts';

/** H4: writes that outlive the plugin: shell rc files, cron, launchd/systemd, SSH keys, Claude's settings, other plugins, git hooks. */
export const persistence: Rule = {
  id: 'H4-persistence',
  severity: 'critical',
  title: 'Installs persistence outside the plugin',
  hint: "Keep state under ${CLAUDE_PLUGIN_DATA}; never modify shell start-up files, scheduled jobs, SSH keys, git hooks, Claude Code's settings or other plugins.",
  check: (model) => [
    ...effectsOf(model, 'write').flatMap(({ effect: e }) => {
      const what = persistenceTarget(e.path);
      return what ? [{ severity: 'critical' as const, loc: e.loc, message: `writes ${e.path} (${what}): survives uninstalling the plugin` }] : [];
    }),
    ...effectsOf(model, 'persist-command').map(({ effect: e }) => ({ severity: 'critical' as const, loc: e.loc, message: `${e.what}: survives uninstalling the plugin` })),
  ],
};
