import type { Rule } from '../analysis-model.ts';
import { effectsOf } from './effects-of.ts';

/** H11: sudo, world-writable or setuid modes, chown, rm -rf on / ~ or an unset $VAR/, disk wipes, force pushes. */
export const privilegeDestruction: Rule = {
  id: 'H11-privilege-destruction',
  severity: 'high',
  title: 'Escalates privileges or destroys data',
  hint: 'A plugin never needs root; delete only paths it created under ${CLAUDE_PLUGIN_DATA} and guard variables with ${VAR:?}.',
  check: (model) => [
    ...effectsOf(model, 'delete').map(({ effect: e }) => ({ severity: 'high' as const, loc: e.loc, message: e.why })),
    ...effectsOf(model, 'privilege').map(({ effect: e }) => ({ severity: e.severity ?? ('high' as const), loc: e.loc, message: e.what })),
  ],
};
