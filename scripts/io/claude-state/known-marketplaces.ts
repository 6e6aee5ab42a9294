import type { ClaudePaths } from './paths.ts';
import { readStateFile } from './read-state-file.ts';
import { knownMarketplacesSchema, type MarketplaceSource } from './schemas.ts';

export interface KnownMarketplace { name: string; source: MarketplaceSource; installLocation: string; lastUpdated?: string; autoUpdate?: boolean }

/** known_marketplaces.json: the marketplaces Claude Code has materialised on this machine, by name. */
export function readKnownMarketplaces(paths: ClaudePaths): Map<string, KnownMarketplace> {
  const file = readStateFile(paths.knownMarketplaces, knownMarketplacesSchema) ?? {};
  return new Map(Object.entries(file).map(([name, m]) => [name, { ...m, name }]));
}
