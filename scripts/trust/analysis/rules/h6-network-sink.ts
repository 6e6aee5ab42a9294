import type { Rule } from '../analysis-model.ts';
import { classifyUrl } from '../text/classify-url.ts';
import { effectsOf } from './effects-of.ts';

const SENDS: Record<string, string> = { secret: 'credentials', env: 'the environment', file: 'a local file', stdin: 'piped data', 'dns-label': 'data encoded in DNS names', data: 'a request body', input: "the hook's input (prompt, tool input or transcript)" };

/** H6: network calls; high when the destination is a raw IP, plain http or a paste/webhook/tunnel host, or when files, env or piped data are sent. */
export const networkSink: Rule = {
  id: 'H6-network-sink',
  severity: 'medium',
  title: 'Sends data over the network',
  hint: 'Document every endpoint the plugin calls; use https to a named host you control, and never send files, environment variables or tool inputs.',
  check: (model) =>
    effectsOf(model, 'network').flatMap(({ effect: e }) => {
      const cls = e.url ? classifyUrl(e.url) : 'unknown';
      if (cls === 'local') return [];
      const risky = cls === 'raw-ip' || cls === 'plain-http' || cls === 'drop-site';
      const sends = e.sends && e.sends !== 'data' ? SENDS[e.sends] : null;
      const dest = e.url ? ` to ${e.url.slice(0, 80)}` : '';
      const why = [risky ? { 'raw-ip': 'a raw IP address', 'plain-http': 'unencrypted http', 'drop-site': 'a paste/webhook/tunnel host' }[cls as 'raw-ip'] : null, sends ? `sends ${sends}` : null].filter(Boolean).join('; ');
      return [{ severity: risky || sends ? ('high' as const) : ('medium' as const), loc: e.loc, message: `${e.tool} calls the network${dest}${why ? ` (${why})` : ''}` }];
    }),
};
