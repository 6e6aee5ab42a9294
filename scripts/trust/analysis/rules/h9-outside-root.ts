import type { Rule } from '../analysis-model.ts';
import { ROOT_MARK } from '../shell/word.ts';
import { normalize } from '../reachability.ts';

const SYSTEM = /^\/(usr\/)?(local\/)?s?bin\/|^\/opt\/homebrew\/bin\/|^\/bin\/|^\/usr\/bin\//;

/** H9: a hook runs a script that is not under ${CLAUDE_PLUGIN_ROOT} (absolute, ~, .., or relative to the project). */
export const outsideRoot: Rule = {
  id: 'H9-outside-root',
  severity: 'high',
  title: 'Hook runs code outside the plugin',
  hint: 'Reference scripts as "${CLAUDE_PLUGIN_ROOT}/…" and ship them in the plugin, so the signature and the tree hash cover what runs.',
  check: (model) =>
    model.hooks.flatMap((h) => {
      if (!h.unit || h.type !== 'command') return [];
      return h.unit.effects.flatMap((e) => {
        if (e.kind !== 'runs') return [];
        const t = e.target.replace(/^["']|["']$/g, '');
        let why: string | null = null;
        if (t.startsWith(ROOT_MARK) || t.startsWith('$CLAUDE_PLUGIN_ROOT')) {
          if (normalize(t.replace(/^(\$\{CLAUDE_PLUGIN_ROOT\}|\$CLAUDE_PLUGIN_ROOT)\/?/, '')) === null) why = 'climbs out of the plugin with ..';
        } else if (t.startsWith('/') && !SYSTEM.test(t)) why = 'is an absolute path';
        else if (t.startsWith('~') || /^\$\{?HOME\b/.test(t)) why = "is in the user's home directory";
        else if (/^\$\{?CLAUDE_PROJECT_DIR\b/.test(t)) why = "is in the user's project, not the plugin";
        else if (!t.startsWith('/') && !t.startsWith('$') && t.includes('/')) why = 'is relative to the working directory (the user project), not the plugin';
        return why ? [{ severity: 'high' as const, loc: e.loc, message: `the hook runs ${t.slice(0, 100)}, which ${why}` }] : [];
      });
    }),
};
