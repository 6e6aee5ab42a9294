import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { isObject, loadFinding, type PluginContext } from './plugin-context.ts';
import { mcpSources } from './support/mcp-servers.ts';

export const RULE = 'load/channel-server-missing';

/**
 * `channels[].server` names the MCP server the channel binds to ("Must match a key in this plugin's
 * mcpServers" [bundle schema]); `claude plugin validate` does not check it, and a channel bound to a
 * server the plugin does not define never delivers a message.
 */
export function channelServersExist(ctx: PluginContext): ExtraFinding[] {
  const { manifest, manifestFile } = ctx;
  if (!manifest || !manifestFile || !Array.isArray(manifest.channels)) return [];
  const names = new Set(mcpSources(ctx).flatMap((s) => s.servers.map((x) => x.name)));
  const out: ExtraFinding[] = [];
  manifest.channels.forEach((channel, i) => {
    if (!isObject(channel) || typeof channel.server !== 'string' || channel.server === '' || names.has(channel.server)) return;
    out.push(loadFinding({
      rule: RULE, severity: 'error', file: manifestFile, path: `channels.${i}.server`,
      line: lineOfJsonPath(ctx.manifestText ?? '', ['channels', i, 'server']),
      message: `Channel server "${channel.server}" is not an MCP server of this plugin${names.size ? ` (it defines: ${[...names].join(', ')})` : ' (it defines none)'}; the channel has nothing to bind to.`,
      hint: 'Use the key of a server from .mcp.json or plugin.json "mcpServers".',
    }));
  });
  return out;
}
