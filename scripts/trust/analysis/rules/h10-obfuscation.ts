import type { Rule } from '../analysis-model.ts';
import { effectsOf } from './effects-of.ts';

/** H10: decoded data executed (base64 -d | sh, eval(atob(…)), exec(b64decode(…))), packed strings, minified files. */
export const obfuscation: Rule = {
  id: 'H10-obfuscation',
  severity: 'high',
  title: 'Hides what it runs',
  hint: 'Ship readable source: no encoded payloads, no code assembled from character codes, no minified bundles without their source.',
  check: (model) => [
    ...effectsOf(model, 'decode-exec').map(({ effect: e }) => ({ severity: 'high' as const, loc: e.loc, message: `decoded data (${e.decoder}) is executed by ${e.runner}` })),
    ...effectsOf(model, 'obfuscation').map(({ effect: e }) => ({ severity: e.severity, loc: e.loc, message: e.what })),
  ],
};
