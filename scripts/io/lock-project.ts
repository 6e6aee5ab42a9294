import { join } from 'node:path';
import { isMpError } from '../core/errors.ts';
import { computeTreeDigest } from '../integrity/tree-digest.ts';
import { buildLockEntry } from '../lock/build-lock-entry.ts';
import { mergeLock } from '../lock/merge-lock.ts';
import { installedVersion, type ObservedPlugin } from '../lock/observed.ts';
import { LOCK_FILE_NAME, type LockEntry, type LockFile } from '../lock/types.ts';
import { claudePaths } from './claude-state/paths.ts';
import { installationFor, type Installation } from './claude-state/installed-plugins.ts';
import { projectEnabledPlugins, readAllSettings } from './claude-state/settings.ts';
import { readLockFile, updateLockFile } from './lock-file.ts';
import { withEntryTrust } from './lock-entry-trust.ts';
import { loadPolicy } from './load-policy.ts';
import type { PluginTrust } from './plugin-trust-facts.ts';
import { nodeTreeFs } from './node-tree-fs.ts';
import { observeProject } from './observe-project.ts';

export interface LockProjectOptions {
  env: Record<string, string | undefined>;
  projectDir: string;
  /**
   * Which enabled plugins to (re)lock, given the lock as it is now. Default: all of them (mp lock).
   * mp install passes "the ones I installed, and any not locked yet" so it never re-locks a drifted tree.
   */
  select?: (id: string, current: LockFile | undefined) => boolean;
  /** Drop entries of plugins the project no longer enables (mp lock: yes; mp install: no). */
  prune?: boolean;
  /** Trust facts already computed on the installed trees by this run (mp install), to avoid grading twice. */
  known?: ReadonlyMap<string, PluginTrust>;
}

export interface LockProjectResult {
  lockPath: string;
  lock: LockFile;
  changed: boolean;
  /** Entries written by this run. */
  locked: LockEntry[];
  /** Where Claude Code installed each plugin on this machine (reported, never written to the lock). */
  installPaths: Record<string, string>;
  /** Enabled plugins that could not be locked (not installed, tree refused), with the coded reason. */
  problems: Array<{ id: string; code: string; message: string; hint?: string }>;
  /** Trust facts of the trees locked now: signature checks against the policy, grades. */
  trust: Map<string, PluginTrust>;
}

/**
 * Record in plugin-lock.json what the project enables and what Claude Code installed for it.
 * Digests are computed before taking the lock-file mutex (they are the slow part); under the mutex the
 * enabled set is read again and the lock file re-read, so a plugin another `mp lock` / `mp install`
 * added meanwhile is kept (or digested now), never lost.
 */
export async function lockProject(o: LockProjectOptions): Promise<LockProjectResult> {
  const lockPath = join(o.projectDir, LOCK_FILE_NAME);
  const problems: LockProjectResult['problems'] = [];
  const locked: LockEntry[] = [];
  const strictDigest = (p: string) => computeTreeDigest(p, nodeTreeFs);
  const build = (observed: ObservedPlugin[], installations: Installation[], want: (id: string) => boolean): Map<string, LockEntry> => {
    const versions = new Map<string, string>();
    for (const i of installations) {
      const v = installationFor(installations, i.id, o.projectDir);
      const iv = v && installedVersion(v);
      if (iv) versions.set(i.id, iv);
    }
    const out = new Map<string, LockEntry>();
    for (const p of observed) {
      if (!p.enabledScope || !want(p.id)) continue;
      try {
        out.set(p.id, buildLockEntry(p, versions, p.enabledScope));
      } catch (e) {
        if (!isMpError(e)) throw e;
        problems.push({ id: p.id, code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}) });
      }
    }
    return out;
  };
  const first = observeProject({ env: o.env, projectDir: o.projectDir, digest: strictDigest, withSources: true });
  const built = build(first.observed, first.installations, () => true);
  // Signatures and grades are checked outside the lock-file mutex too (grading reads every file).
  const { policy } = loadPolicy({ cwd: o.projectDir, env: { ...o.env, CLAUDE_PROJECT_DIR: o.projectDir } });
  const trustOpts = { policy, projectDir: o.projectDir, env: o.env, prior: priorLock(lockPath), ...(o.known ? { known: o.known } : {}) };
  const checked = await withEntryTrust([...built.values()], first.observed, trustOpts);
  const early = new Map(checked.entries.map((e) => [e.id, e]));
  const paths = claudePaths(o.env);
  let wantedNow: (id: string) => boolean = () => true;
  const { lock, changed } = await updateLockFile(lockPath, async (current) => {
    const enabled = projectEnabledPlugins(readAllSettings(paths, o.projectDir));
    const wanted = (id: string) => enabled.has(id) && (o.select?.(id, current) ?? true);
    wantedNow = wanted;
    const tried = new Set([...early.keys(), ...problems.map((p) => p.id)]);
    const late = [...enabled.keys()].filter((id) => wanted(id) && !tried.has(id));
    const lateEntries = new Map<string, LockEntry>();
    if (late.length) {
      const again = observeProject({ env: o.env, projectDir: o.projectDir, digest: strictDigest, withSources: true, only: new Set(late) });
      const lateChecked = await withEntryTrust([...build(again.observed, again.installations, () => true).values()], again.observed, { ...trustOpts, prior: current });
      for (const e of lateChecked.entries) lateEntries.set(e.id, e);
      for (const [id, t] of lateChecked.trust) checked.trust.set(id, t);
    }
    const updates = [...early.values(), ...lateEntries.values()].filter((e) => wanted(e.id)).map((e) => {
      // Same tree as already locked: keep the recorded provenance (e.g. after a frozen install, Claude
      // sees the pinned marketplace mp generated, not the registry the lock names).
      const old = current?.plugins.find((c) => c.id === e.id);
      return old && old.integrity === e.integrity && old.version === e.version ? { ...e, registry: old.registry, source: old.source } : e;
    });
    locked.push(...updates);
    return mergeLock(current, updates, (id) => (o.prune ? enabled.has(id) : true));
  });
  const relevant = problems.filter((p) => wantedNow(p.id) && !locked.some((l) => l.id === p.id));
  const installPaths = Object.fromEntries(first.observed.filter((p) => p.installation).map((p) => [p.id, p.installation!.installPath]));
  return { lockPath, lock, changed, locked, installPaths, problems: relevant, trust: checked.trust };
}

/** The lock before this run, only to know which trees are unchanged (an unreadable lock: regrade all). */
function priorLock(path: string): LockFile | undefined {
  try {
    return readLockFile(path);
  } catch {
    return undefined;
  }
}
