import { MpError } from '../core/errors.ts';
import type { Collision } from '../federation/find-collisions.ts';
import type { PlannedPlugin } from '../federation/plan-install.ts';
import { resolvePlugin } from '../federation/resolve-plugin.ts';
import { marketplaceAddArg } from '../lock/marketplace-add-arg.ts';
import { decideWithoutTrust } from '../policy/decide-without-trust.ts';
import type { EffectivePolicy } from '../policy/types.ts';
import type { Federation } from '../federation/types.ts';
import { claudeFailure, runClaudeCli } from './claude-cli.ts';
import { withClaudeMutex } from './claude-mutex.ts';
import { claudePaths } from './claude-state/paths.ts';
import { readKnownMarketplaces } from './claude-state/known-marketplaces.ts';
import { checkInstalledCollisions } from './check-installed-collisions.ts';
import { checkInstalledTrust, installedAtScope, installedForProject, rollbackInstall } from './install-postchecks.ts';
import { precheckInstall } from './install-prechecks.ts';
import { snapshotProjectSettings } from './project-settings-snapshot.ts';
import { loadPolicy } from './load-policy.ts';
import { lockProject } from './lock-project.ts';
import type { PluginTrust } from './plugin-trust-facts.ts';
import { loadFederation } from './registry-fetch/load-federation.ts';

export interface InstallResult {
  installed: Array<{ query: string; id: string; addedMarketplace?: string }>;
  /** Collisions the install creates that were accepted: built-in shadowing warnings, and errors under --allow-collisions. */
  collisions: Collision[];
  /** Grade and signer of each plugin on the tree Claude Code installed. */
  trust: Array<{ id: string; grade?: string; score?: number; signer?: PluginTrust['signer'] }>;
  lockPath?: string;
  locked: string[];
  problems: Array<{ id: string; code: string; message: string; hint?: string }>;
}

export interface InstallOptions {
  env: Record<string, string | undefined>;
  projectDir: string;
  queries: string[];
  scope: 'project' | 'user' | 'local';
  allowCollisions?: boolean;
}

/**
 * `mp install <plugin>…`: decide everything that can be decided before Claude Code runs (resolution,
 * dependencies, policy, collisions, and the trust rules of trees in a local registry checkout:
 * install-prechecks.ts), register missing marketplaces, `claude plugin install <id> --scope <scope>`,
 * then check collisions (for trees that were not local) and the trust rules on the trees Claude
 * installed: a refusal uninstalls everything this run
 * installed (through claude plugin uninstall) and exits 1. Finally lock what was installed (the
 * requested plugins and any enabled plugin not locked yet; never re-locking a drifted locked plugin),
 * with each tree's signer and grade.
 */
export async function installPlugins(o: InstallOptions): Promise<InstallResult> {
  const env = { ...o.env, CLAUDE_PROJECT_DIR: o.projectDir };
  const { policy } = loadPolicy({ cwd: o.projectDir, env });
  const { federation } = await loadFederation({ cwd: o.projectDir, env, policy, mode: 'auto' });
  const pre = await precheckInstall({ env: o.env, projectDir: o.projectDir, queries: o.queries, scope: o.scope, allowCollisions: o.allowCollisions ?? false, policy, federation });
  const { installed, trust, collisions, checkedPaths } = await withClaudeMutex(o.env, async () => {
    // Claude installs at o.scope (dependencies too): what is new there is this run's doing, even when
    // the plugin was already installed at another scope.
    const before = installedAtScope(o.env, o.projectDir, o.scope);
    const settings = snapshotProjectSettings(o.projectDir);
    const done = installWithClaude(o, pre.planned.filter((p) => p.query !== undefined));
    const after = installedAtScope(o.env, o.projectDir, o.scope);
    const fresh = [...after.keys()].filter((id) => !before.has(id));
    const ids = [...new Set([...pre.planned.map((p) => p.id), ...fresh])].filter((id) => after.has(id));
    const unplanned = fresh.filter((id) => !pre.planned.some((p) => p.id === id));
    const clashes = checkInstalledCollisions({ existing: pre.existing, planned: pre.planned, unplanned, installed: after, allow: o.allowCollisions ?? false });
    const refusal = unplannedRefusal(unplanned, federation, policy, o.scope) ?? clashes.refusal;
    const checked = refusal ? { trust: new Map<string, PluginTrust>(), refusal } : await checkInstalledTrust({ env: o.env, projectDir: o.projectDir, policy, ids, installed: after });
    if (checked.refusal) {
      const left = rollbackInstall(o, ids.filter((id) => !before.has(id)).map((id) => ({ id, scope: o.scope })), settings);
      throw left.length ? new MpError(checked.refusal.code, `${checked.refusal.message}; the rollback left: ${left.join('; ')}`, { hint: checked.refusal.hint, exitCode: 1 }) : checked.refusal;
    }
    return { installed: done, trust: checked.trust, collisions: clashes.collisions, checkedPaths: after };
  });
  const result: InstallResult = {
    installed,
    collisions,
    trust: [...trust].map(([id, t]) => ({ id, ...(t.grade ? { grade: t.grade.grade, score: t.grade.score } : {}), ...(t.signer ? { signer: t.signer } : {}) })),
    locked: [],
    problems: [],
  };
  if (o.scope === 'user') return result;
  const requested = new Set(pre.planned.filter((p) => p.query !== undefined).map((p) => p.id));
  const used = installedForProject(o.env, o.projectDir);
  const r = await lockProject({
    env: o.env,
    projectDir: o.projectDir,
    select: (id, current) => requested.has(id) || !current?.plugins.some((e) => e.id === id),
    // The lock digests the installation Claude Code uses; trust facts of another tree (a different version
    // installed at another scope) are not reused for it.
    known: new Map([...trust].filter(([id]) => used.get(id)?.installPath === checkedPaths.get(id)?.installPath)),
  });
  return { ...result, lockPath: r.lockPath, locked: r.locked.map((e) => e.id), problems: r.problems };
}

/** A plugin Claude Code installed that the plan did not foresee (a dependency of a remote tree) gets the policy's non-trust rules now. */
function unplannedRefusal(unplanned: string[], federation: Federation, policy: EffectivePolicy, scope: string): MpError | undefined {
  for (const id of unplanned) {
    const d = decideWithoutTrust({ ...resolvePlugin(id, federation, policy).facts, locked: scope !== 'user' }, policy);
    if (!d.allow) return new MpError('POLICY_DENIED', `${id} (installed by Claude Code as a dependency) is denied by the policy (${d.rule}): ${d.reason}`, { hint: 'see mp policy explain, or ask the owner of the policy', exitCode: 1 });
  }
  return undefined;
}

/** Register missing marketplaces, then `claude plugin install` each requested plugin, in order (Claude adds dependencies). */
function installWithClaude(o: InstallOptions, plan: PlannedPlugin[]): InstallResult['installed'] {
  const known = readKnownMarketplaces(claudePaths(o.env));
  const installed: InstallResult['installed'] = [];
  for (const p of plan) {
    let added: string | undefined;
    const name = p.candidate.registry.spec.name;
    if (!known.has(name)) {
      // A source the CLI cannot express (a file:// git URL, a path inside a repository) is registered from
      // mp's own checkout of the registry, which `mp registry update` keeps current (a directory
      // marketplace is read in place). The lock still records the registry's real source and commit.
      const reg = p.candidate.registry;
      const arg = marketplaceAddArg(reg.spec.source) ?? (reg.root && (reg.via === 'fetched' || reg.via === 'cache') ? reg.root : null);
      if (!arg) {
        throw new MpError('MARKETPLACE_NOT_ADDED', `Claude Code does not know marketplace ${name}, and its source cannot be added with claude plugin marketplace add`, {
          hint: 'declare it in .claude/settings.json extraKnownMarketplaces and let Claude Code add it, or add a local checkout with claude plugin marketplace add <dir>',
        });
      }
      run(o, ['plugin', 'marketplace', 'add', arg], `add marketplace ${name}`);
      known.set(name, { name, source: { source: p.candidate.registry.spec.source.source }, installLocation: '' });
      added = name;
    }
    run(o, ['plugin', 'install', p.id, '--scope', o.scope], `install ${p.id}`);
    installed.push({ query: p.query!, id: p.id, ...(added ? { addedMarketplace: added } : {}) });
  }
  return installed;
}

function run(o: { env: Record<string, string | undefined>; projectDir: string }, args: string[], what: string): void {
  const r = runClaudeCli(args, { cwd: o.projectDir, env: o.env });
  if (r.code !== 0) throw new MpError('CLAUDE_INSTALL_FAILED', `could not ${what} — claude ${args.join(' ')} exited ${r.code}: ${claudeFailure(r)}`, { hint: 'run the same claude command yourself to see the whole output' });
}
