import type { Rule } from '../analysis-model.ts';
import { effectsOf } from './effects-of.ts';

/** H1: content fetched from the network is executed (`curl … | sh`, or downloaded then run). */
export const fetchPipeExec: Rule = {
  id: 'H1-fetch-pipe-exec',
  severity: 'critical',
  title: 'Downloads code and executes it',
  hint: 'Ship the script inside the plugin (then the signature and the tree hash cover it), or download a pinned release and verify its checksum before running it.',
  check: (model) =>
    effectsOf(model, 'fetch-exec').map(({ effect: e }) => ({
      severity: 'critical',
      loc: e.loc,
      message: e.how === 'pipe' ? `output of ${e.fetcher} is piped into ${e.runner}: whatever the server returns runs with your credentials` : `a downloaded file is executed by ${e.runner}`,
    })),
};
