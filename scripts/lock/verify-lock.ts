import { diffTrees, type TreeDiff } from '../integrity/diff-trees.ts';
import type { TreeEntry, TreeProblem } from '../integrity/tree-digest.ts';
import { installedVersion, type ObservedPlugin } from './observed.ts';
import type { LockEntry, LockFile } from './types.ts';

export type DriftKind = 'modified' | 'missing' | 'not-locked' | 'version' | 'unreadable';

export interface PluginDrift {
  id: string;
  kind: DriftKind;
  detail: string;
  locked?: { version: string; integrity: string };
  installed?: { version?: string; integrity?: string; installPath: string };
  /** For `modified`: every changed file, by name. */
  changes?: TreeDiff;
  /** Rules the installed tree now breaks (a symlink out of the tree, a FIFO, …). */
  problems?: TreeProblem[];
}

export interface LockVerification { checked: number; drift: PluginDrift[] }

/**
 * Compare what Claude Code has installed for the project with plugin-lock.json. Pure: `observed` holds
 * every plugin the project enables or has installed, with the digest of its installed tree.
 */
export function verifyLock(lock: LockFile, observed: readonly ObservedPlugin[]): LockVerification {
  const seen = new Map(observed.map((o) => [o.id, o]));
  const drift: PluginDrift[] = [];
  for (const entry of lock.plugins) {
    const o = seen.get(entry.id);
    const locked = { version: entry.version, integrity: entry.integrity };
    if (!o?.installation) {
      drift.push({ id: entry.id, kind: 'missing', locked, detail: o?.enabledScope ? 'locked and enabled, but Claude Code has not installed it' : 'locked, but the project neither enables nor installs it' });
      continue;
    }
    const installed = { version: installedVersion(o.installation), integrity: o.tree?.integrity, installPath: o.installation.installPath };
    if (!o.tree) {
      drift.push({ id: entry.id, kind: 'unreadable', locked, installed, detail: o.treeError?.message ?? 'the installed tree could not be read' });
      continue;
    }
    if (!o.enabledScope) drift.push({ id: entry.id, kind: 'missing', locked, installed, detail: 'locked and installed, but no longer enabled by the project settings' });
    if (o.tree.integrity !== entry.integrity || o.tree.problems?.length) {
      const changes = diffTrees(lockedEntries(entry), o.tree.entries);
      drift.push({ id: entry.id, kind: 'modified', locked, installed, changes, ...(o.tree.problems ? { problems: o.tree.problems } : {}), detail: summarize(changes) });
    } else if (installed.version !== entry.version) {
      drift.push({ id: entry.id, kind: 'version', locked, installed, detail: `locked at ${entry.version}, installed ${installed.version ?? 'without a version'} (same files)` });
    }
  }
  const lockedIds = new Set(lock.plugins.map((p) => p.id));
  for (const o of observed) {
    if (lockedIds.has(o.id) || (!o.installation && !o.enabledScope)) continue;
    drift.push({
      id: o.id,
      kind: 'not-locked',
      ...(o.installation ? { installed: { version: installedVersion(o.installation), integrity: o.tree?.integrity, installPath: o.installation.installPath } } : {}),
      detail: o.installation ? `installed${o.enabledScope ? ` and enabled (${o.enabledScope} scope)` : ' for this project'} but not in plugin-lock.json` : `enabled (${o.enabledScope} scope) but neither installed nor locked`,
    });
  }
  return { checked: lock.plugins.length, drift };
}

/** The locked tree's entries, from the lock's per-file manifest. */
export function lockedEntries(entry: LockEntry): TreeEntry[] {
  return Object.entries(entry.files).map(([path, v]) => ({ path, type: v[0] as TreeEntry['type'], sha256: v.slice(2) }));
}

function summarize(d: TreeDiff): string {
  const parts = [
    d.modified.length && `${d.modified.length} modified`,
    d.added.length && `${d.added.length} added`,
    d.removed.length && `${d.removed.length} removed`,
    d.renamed.length && `${d.renamed.length} renamed`,
    d.modeChanged.length && `${d.modeChanged.length} mode changed`,
  ].filter(Boolean);
  return parts.length ? `installed files differ from the lock: ${parts.join(', ')}` : 'installed tree differs from the lock';
}
