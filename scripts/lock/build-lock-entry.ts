import { MpError } from '../core/errors.ts';
import { declaredDependencies } from './declared-dependencies.ts';
import { lockSource } from './lock-source.ts';
import { redactSource } from './redact-source.ts';
import { installedVersion, type ObservedPlugin } from './observed.ts';
import type { LockEntry, LockScope } from './types.ts';

/**
 * The lock entry of an installed plugin. `versions` maps every installed plugin id to its resolved
 * version, so that each declared dependency records the version that satisfies it.
 * Throws LOCK_NOT_INSTALLED / TREE_* (the digest's own error) when there is nothing to lock.
 */
export function buildLockEntry(p: ObservedPlugin, versions: ReadonlyMap<string, string>, scope: LockScope): LockEntry {
  if (!p.installation) {
    throw new MpError('LOCK_NOT_INSTALLED', `${p.id} is enabled for this project but Claude Code has not installed it`, {
      hint: `install it (mp install ${p.id}) or disable it, then lock again`,
    });
  }
  if (!p.tree) throw new MpError(p.treeError?.code ?? 'TREE_UNREADABLE', p.treeError?.message ?? `could not digest ${p.installation.installPath}`);
  const dependencies = declaredDependencies(p.manifest?.dependencies, p.marketplace).map((d) => {
    const v = versions.get(d.id);
    return { ...d, ...(v ? { version: v } : {}) };
  });
  return {
    id: p.id,
    version: installedVersion(p.installation) ?? p.manifest?.version ?? 'unknown',
    scope,
    registry: p.registry ? { name: p.registry.name, source: redactSource(p.registry.source) } : { name: p.marketplace },
    source: redactSource(lockSource(p)),
    dependencies,
    integrity: p.tree.integrity,
    files: Object.fromEntries(p.tree.entries.map((e) => [e.path, `${e.type} ${e.sha256}`])),
  };
}
