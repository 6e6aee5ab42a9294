import type { Rule } from '../analysis-model.ts';
import { effectsOf, isRemote } from './effects-of.ts';

/** H5: reads credentials (SSH keys, cloud/registry tokens, .env, keychains, env dumps); critical when the same code also talks to the network. */
export const secretRead: Rule = {
  id: 'H5-secret-read',
  severity: 'high',
  title: 'Reads credentials',
  hint: 'Do not read credential files or dump the environment; ask the user for the one value you need through userConfig, and never send it anywhere else.',
  check: (model) =>
    effectsOf(model, 'secret-read').map(({ effect: e, unit }) => {
      // Code loading a project .env to call an API is everyday code: medium, critical only when something is sent.
      // Printing or copying it (cat .env in a hook puts the secrets in Claude's context) stays high.
      const weak = e.secret === 'dotenv' && !/^(cat|tac|head|tail|less|more|grep|awk|sed|strings|base64|xxd|od|hexdump|tar|zip|7z|cp|scp|rsync|curl|wget|nc)\b/.test(e.what);
      // A vendor API key file (~/.anthropic/api_key) is read to call that vendor: exfiltration only when the key itself, a file or piped data is sent.
      const narrow = weak || e.secret === 'api-key';
      const sink = unit.effects.find((x) => isRemote(x) && (!narrow || (x.kind === 'network' && (x.sends === 'secret' || x.sends === 'file' || x.sends === 'stdin' || x.sends === 'env'))));
      const what = e.secret === 'env-dump' ? 'dumps the environment (API keys and tokens included)' : e.secret === 'token-command' ? e.what : `reads ${e.secret} (${e.what})`;
      return sink
        ? { severity: 'critical' as const, loc: e.loc, message: `${what}, and the same code sends data over the network (line ${sink.loc.line}): credential exfiltration` }
        : { severity: weak ? ('medium' as const) : ('high' as const), loc: e.loc, message: what };
    }),
};
