import type { Rule } from '../analysis-model.ts';

/** P2: native executables and bytecode cannot be reviewed. */
export const binaries: Rule = {
  id: 'P2-binaries',
  severity: 'high',
  title: 'Ships binary executables',
  hint: 'Ship source and build it in CI with provenance, or document the binary and sign the plugin.',
  check: (model) => model.binaries.map((b) => ({ severity: 'high' as const, loc: { file: b.file, line: 1, snippet: b.what }, message: `${b.file} is a ${b.what}: its behaviour cannot be reviewed` })),
};
