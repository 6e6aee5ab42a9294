import type { MpError } from '../core/errors.ts';
import type { Collision, PluginComponents } from '../federation/find-collisions.ts';
import { installCollisions } from '../federation/install-collisions.ts';
import type { PlannedPlugin } from '../federation/plan-install.ts';
import { parsePluginId } from './claude-state/plugin-id.ts';
import { collisionRefused } from './install-prechecks.ts';
import { readPluginComponents } from './registry-fetch/read-plugin-components.ts';

/**
 * Collisions again, once Claude Code has installed: a plugin whose registry tree was not local (a git,
 * GitHub or npm source) showed no commands before install, and a dependency Claude added was not
 * planned at all. Their installed trees are read now; an error collision is refused (INSTALL_COLLISION,
 * the caller rolls back) unless allowed. Returns every collision the install created.
 */
export function checkInstalledCollisions(o: {
  existing: readonly PluginComponents[];
  planned: readonly PlannedPlugin[];
  /** Plugins this run installed that the plan did not foresee (dependencies of remote trees). */
  unplanned: readonly string[];
  installed: ReadonlyMap<string, { installPath: string }>;
  allow: boolean;
}): { collisions: Collision[]; refusal?: MpError } {
  const fromTree = (id: string): PluginComponents => {
    const inst = o.installed.get(id);
    return { id, components: inst ? readPluginComponents(inst.installPath, parsePluginId(id).name).components : [] };
  };
  const planned = o.planned.map((p) => (p.candidate.plugin.root ? { id: p.id, components: p.candidate.plugin.components } : fromTree(p.id)));
  const collisions = installCollisions(o.existing, [...planned, ...o.unplanned.map(fromTree)]);
  const clash = collisions.find((c) => c.severity === 'error');
  if (clash && !o.allow) return { collisions, refusal: collisionRefused([...o.planned.map((p) => p.id), ...o.unplanned], clash, 'found in the trees Claude Code installed') };
  return { collisions };
}
