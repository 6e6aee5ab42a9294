import type { ClaudePaths } from './paths.ts';
import { parsePluginId } from './plugin-id.ts';
import { readStateFile } from './read-state-file.ts';
import { installedPluginsSchema, type ClaudeScope } from './schemas.ts';

/** One installation of a plugin, from installed_plugins.json (v2, or v1 read as user scope). */
export interface Installation {
  id: string;
  name: string;
  marketplace: string | undefined;
  scope: ClaudeScope;
  projectPath?: string;
  installPath: string;
  version?: string;
  resolvedVersion?: string;
  gitCommitSha?: string;
  installedAt?: string;
  lastUpdated?: string;
  auto?: boolean;
}

export function readInstalledPlugins(paths: ClaudePaths): Installation[] {
  const file = readStateFile(paths.installedPlugins, installedPluginsSchema);
  if (!file) return [];
  const out: Installation[] = [];
  for (const [id, value] of Object.entries(file.plugins)) {
    const list = Array.isArray(value) ? value : [{ ...value, scope: value.scope ?? 'user' as const }];
    for (const inst of list) out.push({ id, ...parsePluginId(id), ...inst });
  }
  return out;
}

/**
 * The installation Claude Code uses for `id` in `projectDir`: one recorded for this project (local before
 * project, the more specific scope), else the user or managed one.
 */
export function installationFor(all: readonly Installation[], id: string, projectDir: string): Installation | undefined {
  const mine = all.filter((i) => i.id === id);
  const rank = (i: Installation) =>
    i.scope === 'local' && i.projectPath === projectDir ? 0
    : i.scope === 'project' && i.projectPath === projectDir ? 1
    : i.scope === 'user' ? 2
    : i.scope === 'managed' ? 3
    : 9;
  return mine.filter((i) => rank(i) < 9).sort((a, b) => rank(a) - rank(b))[0];
}
