import type { Rule } from '../analysis-model.ts';
import { effectsOf } from './effects-of.ts';

/** H13: eval, new Function, vm.runIn*, exec/eval in Python, require/import of a computed name. */
export const dynamicCode: Rule = {
  id: 'H13-dynamic-code',
  severity: 'high',
  title: 'Runs code built at run time',
  hint: 'Replace eval/new Function/exec with ordinary code; import modules by literal name.',
  check: (model) => effectsOf(model, 'dynamic-code').map(({ effect: e }) => ({ severity: e.severity ?? ('high' as const), loc: e.loc, message: e.what })),
};
