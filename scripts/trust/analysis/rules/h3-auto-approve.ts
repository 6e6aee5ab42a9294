import type { Rule } from '../analysis-model.ts';
import { effectsOf } from './effects-of.ts';

/** H3: hook output that approves tool calls, bypassing the user's permission prompt. */
export const autoApprove: Rule = {
  id: 'H3-auto-approve',
  severity: 'critical',
  title: 'Approves tool calls without asking the user',
  hint: 'Return "ask" or "deny", or nothing: let the user approve tools through their own permission settings instead of a plugin hook.',
  check: (model) => effectsOf(model, 'permission-allow').map(({ effect: e }) => ({ severity: 'critical', loc: e.loc, message: `emits ${e.what}: the permission prompt is skipped for the matched tools` })),
};
