import { join } from 'node:path';
import type { JsonPath } from '../../json-line.ts';
import { isObject, type PluginContext } from '../plugin-context.ts';
import { resolveInside } from './plugin-path.ts';
import { readJson, type JsonRead } from './read-json.ts';
import { perContext } from './per-context.ts';

export interface ServerConfig {
  name: string;
  config: unknown;
  file: string;
  text: string;
  pointer: JsonPath;
}

export interface McpSource {
  /** The JSON file the servers come from (plugin.json for inline servers). */
  file: string;
  /** Absent for inline servers. */
  read?: JsonRead;
  /** Where the server map starts inside the file. */
  at: JsonPath;
  servers: ServerConfig[];
}

/**
 * Where a plugin's MCP servers come from, in Claude Code's order: `.mcp.json` (`{mcpServers:{…}}` or
 * a bare map), then plugin.json `mcpServers` (a `.json` path, an inline map, or an array of both).
 * MCPB bundles are not read. Files that do not exist are left out (manifestPathsExist reports them).
 */
export const mcpSources: (ctx: PluginContext) => McpSource[] = perContext(compute);

function compute(ctx: PluginContext): McpSource[] {
  const { root, fs } = ctx;
  if (!root) return [];
  const out: McpSource[] = [];
  const fromFile = (abs: string): void => {
    const read = readJson(fs, abs, ctx.boundary);
    if (!read.ok && (read.reason === 'missing' || read.reason === 'outside')) return;
    const wrapped = read.ok && isObject(read.value) && read.value.mcpServers !== undefined;
    const map = read.ok && isObject(read.value) ? (wrapped ? read.value.mcpServers : read.value) : undefined;
    out.push({ file: abs, read, at: wrapped ? ['mcpServers'] : [], servers: servers(map, abs, read.ok ? read.text : '', wrapped ? ['mcpServers'] : []) });
  };
  fromFile(join(root, '.mcp.json'));
  const spec = ctx.manifest?.mcpServers;
  const items: Array<[unknown, JsonPath]> = Array.isArray(spec) ? spec.map((s, i) => [s, ['mcpServers', i]]) : spec === undefined ? [] : [[spec, ['mcpServers']]];
  for (const [item, at] of items) {
    if (typeof item === 'string' && item.endsWith('.json')) {
      const abs = resolveInside(root, item);
      if (abs) fromFile(abs);
    } else if (isObject(item) && ctx.manifestFile) {
      out.push({ file: ctx.manifestFile, at, servers: servers(item, ctx.manifestFile, ctx.manifestText ?? '', at) });
    }
  }
  return out;
}

function servers(map: unknown, file: string, text: string, at: JsonPath): ServerConfig[] {
  if (!isObject(map)) return [];
  return Object.entries(map).map(([name, config]) => ({ name, config, file, text, pointer: [...at, name] }));
}
