import { join } from 'node:path';
import { isObject, type JsonObject, type MarketplaceContext } from '../plugin-context.ts';
import type { FsView } from '../../fs-view.ts';
import { readJson } from './read-json.ts';

/** The first entry named `name` in the marketplace, with its index. */
export function findEntry(m: MarketplaceContext, name: string): { entry: JsonObject; index: number } | null {
  const plugins = Array.isArray(m.json.plugins) ? m.json.plugins : [];
  const index = plugins.findIndex((p) => isObject(p) && p.name === name);
  return index === -1 ? null : { entry: plugins[index] as JsonObject, index };
}

/** True for a `./…` source, resolved from the marketplace root. */
export function isRelativeSource(source: unknown): source is string {
  return typeof source === 'string' && (source.startsWith('./') || source === '.');
}

/**
 * The version Claude Code records for a relative entry installed from HEAD: plugin.json `version`,
 * else the entry's `version` (calculatePluginVersion precedence); undefined when neither is set.
 */
export function headVersion(fs: FsView, m: MarketplaceContext, entry: JsonObject): string | undefined {
  if (isRelativeSource(entry.source)) {
    const read = readJson(fs, join(m.root, entry.source, '.claude-plugin', 'plugin.json'), fs.realpath(m.root));
    if (read.ok && isObject(read.value) && typeof read.value.version === 'string') return read.value.version;
  }
  return typeof entry.version === 'string' ? entry.version : undefined;
}
