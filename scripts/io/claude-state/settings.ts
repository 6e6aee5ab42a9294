import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaudePaths } from './paths.ts';
import { projectSettingsPaths } from './paths.ts';
import { readStateFile } from './read-state-file.ts';
import { settingsSchema, type MarketplaceSource } from './schemas.ts';

export interface Settings {
  enabledPlugins: Record<string, boolean | string[] | null>;
  extraKnownMarketplaces: Record<string, { source: MarketplaceSource; installLocation?: string; autoUpdate?: boolean }>;
}
export type SettingsScope = 'user' | 'project' | 'local' | 'managed';
export interface ScopedSettings { scope: SettingsScope; path: string; settings: Settings | undefined }

/** One settings file (only the keys mp reads); undefined when absent. */
export function readSettingsFile(path: string): Settings | undefined {
  const s = readStateFile(path, settingsSchema);
  return s && { enabledPlugins: s.enabledPlugins ?? {}, extraKnownMarketplaces: s.extraKnownMarketplaces ?? {} };
}

/**
 * Every settings layer Claude Code merges, lowest precedence first: user < project < local < managed.
 * Managed = managed-settings.json then managed-settings.d/*.json in name order.
 */
export function readAllSettings(paths: ClaudePaths, projectDir: string): ScopedSettings[] {
  const p = projectSettingsPaths(projectDir);
  const layers: ScopedSettings[] = [
    { scope: 'user', path: paths.userSettings, settings: readSettingsFile(paths.userSettings) },
    { scope: 'project', path: p.project, settings: readSettingsFile(p.project) },
    { scope: 'local', path: p.local, settings: readSettingsFile(p.local) },
    { scope: 'managed', path: paths.managedSettings, settings: readSettingsFile(paths.managedSettings) },
  ];
  let dropIns: string[] = [];
  try {
    dropIns = readdirSync(paths.managedSettingsD).filter((n) => n.endsWith('.json')).sort();
  } catch { /* no drop-in directory */ }
  for (const n of dropIns) {
    const path = join(paths.managedSettingsD, n);
    layers.push({ scope: 'managed', path, settings: readSettingsFile(path) });
  }
  return layers;
}

/**
 * The plugins a project turns on: enabledPlugins of project settings overridden by local settings.
 * Returns id → the scope that enables it (project when both do; an id set to false in local is absent).
 */
export function projectEnabledPlugins(layers: readonly ScopedSettings[]): Map<string, 'project' | 'local'> {
  const out = new Map<string, 'project' | 'local'>();
  for (const scope of ['project', 'local'] as const) {
    for (const layer of layers.filter((l) => l.scope === scope)) {
      for (const [id, v] of Object.entries(layer.settings?.enabledPlugins ?? {})) {
        if (v === true || Array.isArray(v)) { if (!out.has(id)) out.set(id, scope); }
        else if (v === false) out.delete(id);
      }
    }
  }
  return out;
}
