import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { MpError } from '../core/errors.ts';
import { frozenMarketplace } from '../lock/frozen-marketplace.ts';
import { installOrder } from '../lock/install-order.ts';
import { verifyLock, type PluginDrift } from '../lock/verify-lock.ts';
import type { LockEntry } from '../lock/types.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { claudeFailure, runClaudeCli } from './claude-cli.ts';
import { withClaudeMutex } from './claude-mutex.ts';
import { claudePaths, projectSettingsPaths } from './claude-state/paths.ts';
import { readKnownMarketplaces } from './claude-state/known-marketplaces.ts';
import { checkInstalledTrust, installedForProject, rollbackInstall } from './install-postchecks.ts';
import { loadPolicy } from './load-policy.ts';
import { observeProject } from './observe-project.ts';
import { snapshotProjectSettings } from './project-settings-snapshot.ts';
import { verifyProject } from './verify-project.ts';

export interface FrozenInstallResult {
  lockPath: string;
  /** Plugins installed by this run, in install order. */
  installed: string[];
  /** Plugins that were already installed exactly as locked. */
  unchanged: string[];
  /** Marketplaces pointed at their frozen copy: name → directory. */
  pinned: Record<string, string>;
  /** Digest mismatches after installing: each names the changed files. Empty on success. */
  mismatches: PluginDrift[];
}

/**
 * `mp install --frozen`: make Claude Code install exactly the trees plugin-lock.json records.
 *
 * 1. Plugins already installed with the locked digest are left alone.
 * 2. For each marketplace M of the others, write a marketplace named M whose entries pin every locked
 *    plugin of M to its locked commit (lock/frozen-marketplace.ts) into
 *    $XDG_DATA_HOME/marketplace-pro/frozen/M-<project hash>/, and register it with
 *    `claude plugin marketplace add <dir>`. Re-adding a name replaces Claude's registration in place
 *    (measured on 2.1.197) without touching enabledPlugins, so the plugin ids stay name@M.
 *    (`claude plugin marketplace remove` is never used: it also wipes enabledPlugins at every scope.)
 * 3. Install dependencies before dependents, each at its locked scope, with `claude plugin install`.
 *    A plugin installed with another tree is first uninstalled (--keep-data), since install says
 *    "already installed" and keeps it. Claude Code then clones the pinned commit itself.
 * 4. Settings files that Claude rewrote with the same content (uninstall + install reorders
 *    enabledPlugins) get their original bytes back, so the commit shows no churn.
 * 5. Recompute the mp1 digest of every installed tree; any difference from the lock is reported
 *    (the command fails with LOCK_INTEGRITY_MISMATCH).
 * 6. Check the policy's trust rules (signatures, grade, findings) on the trees installed now; a refusal
 *    uninstalls them (claude plugin uninstall) and fails with the signature code or POLICY_DENIED. The
 *    lock itself is the input here and is never rewritten.
 * The whole run holds mp's claude-command mutex (claude-mutex.ts).
 */
export async function frozenInstall(o: { env: Record<string, string | undefined>; projectDir: string }): Promise<FrozenInstallResult> {
  return withClaudeMutex(o.env, async () => {
    const settings = snapshotProjectSettings(o.projectDir);
    const result = frozenInstallLocked(o);
    if (result.installed.length === 0 || result.mismatches.length > 0) return result;
    // 6. The policy's trust rules on the trees just installed; a refusal uninstalls them (exit 1).
    const { policy } = loadPolicy({ cwd: o.projectDir, env: { ...o.env, CLAUDE_PROJECT_DIR: o.projectDir } });
    const { refusal } = await checkInstalledTrust({ env: o.env, projectDir: o.projectDir, policy, ids: result.installed });
    if (!refusal) return result;
    const installed = installedForProject(o.env, o.projectDir);
    const left = rollbackInstall(o, [...result.installed].reverse().filter((id) => installed.has(id)).map((id) => ({ id, scope: installed.get(id)!.scope })), settings);
    throw left.length ? new MpError(refusal.code, `${refusal.message}; the rollback left: ${left.join('; ')}`, { hint: refusal.hint, exitCode: 1 }) : refusal;
  });
}

function frozenInstallLocked(o: { env: Record<string, string | undefined>; projectDir: string }): FrozenInstallResult {
  const before = verifyProject(o);
  const { lock, lockPath } = before;
  const bad = new Set(before.verification.drift.filter((d) => d.kind !== 'not-locked').map((d) => d.id));
  const todo = lock.plugins.filter((p) => bad.has(p.id));
  const result: FrozenInstallResult = { lockPath, installed: [], unchanged: lock.plugins.filter((p) => !bad.has(p.id)).map((p) => p.id), pinned: {}, mismatches: [] };
  if (todo.length === 0) return result;

  const known = readKnownMarketplaces(claudePaths(o.env));
  for (const m of new Set(todo.map(marketplaceOf))) {
    const frozen = frozenMarketplace(m, lock.plugins.filter((p) => marketplaceOf(p) === m));
    const stuck = todo.filter((p) => marketplaceOf(p) === m && frozen.unpinnable.includes(p.id));
    if (stuck.length > 0) {
      if (known.has(m)) continue; // install from the registry as it is; the digest check below decides
      throw new MpError('FROZEN_UNPINNABLE', `cannot install ${stuck.map((p) => p.id).join(', ')} as locked — the lock records no commit to pin and marketplace ${m} is not added`, {
        hint: `add the marketplace (claude plugin marketplace add …) and retry; the digest check still guards the result`,
      });
    }
    const dir = frozenDir(o.env, o.projectDir, m);
    mkdirSync(join(dir, '.claude-plugin'), { recursive: true });
    writeFileAtomic(join(dir, '.claude-plugin', 'marketplace.json'), JSON.stringify(frozen.manifest, null, 2) + '\n');
    claude(o, ['plugin', 'marketplace', 'add', dir], `register the frozen copy of marketplace ${m}`);
    result.pinned[m] = dir;
  }

  const settings = snapshotSettings(o.projectDir);
  const { observed } = observeProject({ env: o.env, projectDir: o.projectDir, digest: () => ({ integrity: '', algorithm: 'mp1', entries: [] }) });
  for (const p of installOrder(todo)) {
    const inst = observed.find((x) => x.id === p.id)?.installation;
    if (inst && inst.scope === p.scope && inst.projectPath === o.projectDir) {
      claude(o, ['plugin', 'uninstall', p.id, '--scope', p.scope, '--keep-data'], `uninstall the drifted ${p.id}`);
    }
    claude(o, ['plugin', 'install', p.id, '--scope', p.scope], `install ${p.id}`);
    result.installed.push(p.id);
  }
  restoreSettings(settings);

  const after = verifyProject(o);
  result.mismatches = verifyLock(lock, after.observed).drift.filter((d) => d.kind !== 'not-locked');
  return result;
}

function marketplaceOf(p: LockEntry): string {
  return p.id.slice(p.id.indexOf('@') + 1);
}

function claude(o: { env: Record<string, string | undefined>; projectDir: string }, args: string[], what: string): void {
  const r = runClaudeCli(args, { cwd: o.projectDir, env: o.env });
  if (r.code !== 0) {
    throw new MpError('CLAUDE_INSTALL_FAILED', `could not ${what} — claude ${args.join(' ')} exited ${r.code}: ${claudeFailure(r)}`, {
      hint: 'run the same claude command yourself to see the whole output',
    });
  }
}

/** Where the frozen copy of marketplace `m` for this project lives (kept: Claude reads it in place). */
export function frozenDir(env: Record<string, string | undefined>, projectDir: string, m: string): string {
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  const tag = createHash('sha256').update(projectDir).digest('hex').slice(0, 8);
  return join(base, 'marketplace-pro', 'frozen', `${m.replace(/[^A-Za-z0-9._-]/g, '-')}-${tag}`);
}

function snapshotSettings(projectDir: string): Array<{ path: string; text: string | undefined }> {
  return Object.values(projectSettingsPaths(projectDir)).map((path) => {
    try { return { path, text: readFileSync(path, 'utf8') }; } catch { return { path, text: undefined }; }
  });
}

function restoreSettings(snap: Array<{ path: string; text: string | undefined }>): void {
  for (const { path, text } of snap) {
    if (text === undefined) continue;
    try {
      const now = readFileSync(path, 'utf8');
      if (now !== text && isDeepStrictEqual(JSON.parse(now), JSON.parse(text))) writeFileAtomic(path, text);
    } catch { /* changed in substance or unreadable: leave Claude's version */ }
  }
}
