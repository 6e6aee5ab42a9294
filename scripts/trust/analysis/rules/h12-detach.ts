import type { Rule } from '../analysis-model.ts';
import { effectsOf } from './effects-of.ts';

/** H12: processes that outlive the hook (nohup, setsid, disown, & without wait, screen/tmux -d, at). */
export const detach: Rule = {
  id: 'H12-detach',
  severity: 'medium',
  title: 'Leaves processes running',
  hint: 'Finish the work inside the hook timeout, or use "async": true and exit; do not leave daemons behind.',
  check: (model) => effectsOf(model, 'detach').map(({ effect: e }) => ({ severity: 'medium' as const, loc: e.loc, message: e.what })),
};
