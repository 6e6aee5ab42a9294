import { claudePaths } from './claude-state/paths.ts';
import { installationFor, readInstalledPlugins } from './claude-state/installed-plugins.ts';
import { readAllSettings } from './claude-state/settings.ts';

export interface ProjectPlugin { id: string; enabledIn: string[]; installPath?: string; installScope?: string }

/**
 * Every plugin that runs in (or is installed for) a project, from Claude Code's real state: ids enabled
 * in any settings scope that applies to the project (user, project, local, managed), and installations
 * at user/managed scope or at project/local scope for this project.
 */
export function projectPlugins(env: Record<string, string | undefined>, projectDir: string): ProjectPlugin[] {
  const paths = claudePaths(env);
  const installs = readInstalledPlugins(paths);
  const byId = new Map<string, ProjectPlugin>();
  const get = (id: string) => byId.get(id) ?? byId.set(id, { id, enabledIn: [] }).get(id)!;
  for (const layer of readAllSettings(paths, projectDir)) {
    for (const [id, v] of Object.entries(layer.settings?.enabledPlugins ?? {})) {
      if (v === true || Array.isArray(v)) get(id).enabledIn.push(layer.scope);
    }
  }
  for (const i of installs) {
    if (i.scope === 'user' || i.scope === 'managed' || i.projectPath === projectDir) get(i.id);
  }
  for (const p of byId.values()) {
    const inst = installationFor(installs, p.id, projectDir);
    if (inst) Object.assign(p, { installPath: inst.installPath, installScope: inst.scope });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
