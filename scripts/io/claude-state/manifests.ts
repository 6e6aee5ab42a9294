import { join } from 'node:path';
import { readStateFile } from './read-state-file.ts';
import { manifestSchema, marketplaceManifestSchema } from './schemas.ts';
import type { KnownMarketplace } from './known-marketplaces.ts';
import type { z } from 'zod';

export type PluginManifest = z.infer<typeof manifestSchema>;
export type MarketplaceManifest = z.infer<typeof marketplaceManifestSchema>;

/** <plugin>/.claude-plugin/plugin.json (name, version, dependencies); undefined when the plugin has none. */
export function readPluginManifest(pluginDir: string): PluginManifest | undefined {
  return readStateFile(join(pluginDir, '.claude-plugin', 'plugin.json'), manifestSchema);
}

/**
 * Where a known marketplace's marketplace.json is on disk:
 *  - `file` source: the file itself; `directory`: <path>/.claude-plugin/marketplace.json (used in place);
 *  - git/github clones: <installLocation>/<source.path, default .claude-plugin/marketplace.json>;
 *  - url sources are stored as a .json file at installLocation.
 */
export function marketplaceManifestPath(m: KnownMarketplace): string {
  const s = m.source as { source: string; path?: unknown };
  if (s.source === 'file' && typeof s.path === 'string') return s.path;
  if (m.installLocation.endsWith('.json')) return m.installLocation;
  if ((s.source === 'git' || s.source === 'github') && typeof s.path === 'string') return join(m.installLocation, s.path);
  return join(m.installLocation, '.claude-plugin', 'marketplace.json');
}

export function readMarketplaceManifest(m: KnownMarketplace): MarketplaceManifest | undefined {
  return readStateFile(marketplaceManifestPath(m), marketplaceManifestSchema);
}
