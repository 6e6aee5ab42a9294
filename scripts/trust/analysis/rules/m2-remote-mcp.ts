import type { RawFinding, Rule } from '../analysis-model.ts';
import { classifyUrl } from '../text/classify-url.ts';

/** M2: remote MCP servers over plain http, to raw IPs or drop sites; secrets sent in headers (low: know who receives them). */
export const remoteMcp: Rule = {
  id: 'M2-remote-mcp',
  severity: 'medium',
  title: 'Remote MCP server over an unsafe channel',
  hint: 'Use https to a named host you trust; every tool call and its data go to that server.',
  check: (model) =>
    model.mcps.flatMap((m): RawFinding[] => {
      const out: RawFinding[] = [];
      const loc = { file: m.file, line: m.line, snippet: m.url ?? m.command ?? m.name };
      if (m.url) {
        const cls = classifyUrl(m.url);
        if (cls === 'plain-http' || cls === 'raw-ip' || cls === 'drop-site') out.push({ severity: 'medium', loc, message: `${m.family.toUpperCase()} server ${m.name} is reached over ${cls === 'plain-http' ? 'plain http' : cls === 'raw-ip' ? 'a raw IP address' : 'a paste/tunnel host'} (${m.url.slice(0, 80)})` });
        const secretHeaders = Object.entries(m.headers).filter(([, v]) => /\$\{?[A-Z_][A-Z0-9_]*/.test(v)).map(([k]) => k);
        if (secretHeaders.length) out.push({ severity: 'low', loc, message: `${m.name} sends ${secretHeaders.join(', ')} from your environment to ${hostOf(m.url)}` });
      }
      if (m.authUrl && !/^https:\/\//.test(m.authUrl)) out.push({ severity: 'medium', loc, message: `${m.name}'s OAuth metadata URL is not https (${m.authUrl.slice(0, 80)})` });
      return out;
    }),
};

function hostOf(url: string): string {
  return /^[a-z]+:\/\/([^/]+)/i.exec(url)?.[1] ?? url.slice(0, 60);
}
