import type { Rule } from '../analysis-model.ts';
import { effectsOf } from './effects-of.ts';

/** H2: fetched content evaluated through substitution, eval, source <(…) or a remote import. */
export const remoteEval: Rule = {
  id: 'H2-remote-eval',
  severity: 'critical',
  title: 'Evaluates code fetched from the network',
  hint: 'Do not eval or source fetched text; vendor the code into the plugin or pin it by digest and verify it first.',
  check: (model) => effectsOf(model, 'remote-eval').map(({ effect: e }) => ({ severity: 'critical', loc: e.loc, message: e.how })),
};
