import { findCollisions, type Collision, type PluginComponents } from './find-collisions.ts';

/**
 * The collisions an install would create: the project's plugins as they are (`existing`, with what
 * their installed trees define) plus the planned ones (`planned` replaces an existing plugin of the same
 * id: a reinstall or update). Only collisions that involve a planned plugin are returned: two plugins the
 * project already runs side by side are not this install's doing (mp policy check reports them).
 */
export function installCollisions(existing: readonly PluginComponents[], planned: readonly PluginComponents[]): Collision[] {
  const ids = new Set(planned.map((p) => p.id));
  const all = [...existing.filter((p) => !ids.has(p.id)), ...planned];
  return findCollisions(all).filter((c) => c.plugins.some((id) => ids.has(id)));
}
