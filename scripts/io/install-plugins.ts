import { MpError } from '../core/errors.ts';
import { resolvePlugin } from '../federation/resolve-plugin.ts';
import { marketplaceAddArg } from '../lock/marketplace-add-arg.ts';
import { decide } from '../policy/decide.ts';
import { claudeFailure, runClaudeCli } from './claude-cli.ts';
import { withClaudeMutex } from './claude-mutex.ts';
import { claudePaths } from './claude-state/paths.ts';
import { readKnownMarketplaces } from './claude-state/known-marketplaces.ts';
import { loadPolicy } from './load-policy.ts';
import { lockProject } from './lock-project.ts';
import { loadFederation } from './registry-fetch/load-federation.ts';
import type { LoadedRegistry } from '../federation/types.ts';

export interface InstallResult {
  installed: Array<{ query: string; id: string; addedMarketplace?: string }>;
  lockPath?: string;
  locked: string[];
  problems: Array<{ id: string; code: string; message: string; hint?: string }>;
}

/**
 * `mp install <plugin>…`: resolve each query through the federation (precedence, pins) and the policy
 * (denied: POLICY_DENIED, exit 1), register its marketplace with Claude Code when Claude does not know
 * it yet, install with `claude plugin install <id> --scope <scope>`, then lock what was installed (the
 * requested plugins and any enabled plugin not locked yet, such as the dependencies Claude pulled in;
 * never re-locking an already locked plugin that drifted).
 */
export async function installPlugins(o: { env: Record<string, string | undefined>; projectDir: string; queries: string[]; scope: 'project' | 'user' | 'local' }): Promise<InstallResult> {
  const env = { ...o.env, CLAUDE_PROJECT_DIR: o.projectDir };
  const { policy } = loadPolicy({ cwd: o.projectDir, env });
  const { federation } = await loadFederation({ cwd: o.projectDir, env, policy, mode: 'auto' });
  const plan = o.queries.map((q) => {
    const res = resolvePlugin(q, federation, policy);
    if (!res.chosen) {
      const why = res.decision.allow ? `no registry offers ${q}` : res.decision.reason;
      throw new MpError('PLUGIN_NOT_FOUND', `could not resolve ${q} — ${why}`, { hint: 'mp search <words> lists what the registries offer; mp registry list shows them', exitCode: 1 });
    }
    const d = decide({ ...res.facts, locked: o.scope !== 'user' }, policy);
    if (!d.allow) throw new MpError('POLICY_DENIED', `${res.facts.id} is denied by the policy (${d.rule}): ${d.reason}`, { hint: 'see mp policy explain, or ask the owner of the policy', exitCode: 1 });
    return { query: q, id: res.facts.id, registry: res.chosen.registry };
  });
  const result: InstallResult = { installed: [], locked: [], problems: [] };
  result.installed = await withClaudeMutex(o.env, () => installWithClaude(o, plan));
  if (o.scope === 'user') return result;
  const requested = new Set(plan.map((p) => p.id));
  const r = await lockProject({
    env: o.env,
    projectDir: o.projectDir,
    select: (id, current) => requested.has(id) || !current?.plugins.some((e) => e.id === id),
  });
  return { ...result, lockPath: r.lockPath, locked: r.locked.map((e) => e.id), problems: r.problems };
}

type Plan = Array<{ query: string; id: string; registry: LoadedRegistry }>;

/** Register missing marketplaces, then `claude plugin install` each plugin, in order. */
function installWithClaude(o: { env: Record<string, string | undefined>; projectDir: string; scope: string }, plan: Plan): InstallResult['installed'] {
  const known = readKnownMarketplaces(claudePaths(o.env));
  const installed: InstallResult['installed'] = [];
  for (const p of plan) {
    let added: string | undefined;
    const name = p.registry.spec.name;
    if (!known.has(name)) {
      const arg = marketplaceAddArg(p.registry.spec.source);
      if (!arg) {
        throw new MpError('MARKETPLACE_NOT_ADDED', `Claude Code does not know marketplace ${name}, and its source cannot be added with claude plugin marketplace add`, {
          hint: 'declare it in .claude/settings.json extraKnownMarketplaces and let Claude Code add it, or add a local checkout with claude plugin marketplace add <dir>',
        });
      }
      run(o, ['plugin', 'marketplace', 'add', arg], `add marketplace ${name}`);
      known.set(name, { name, source: { source: p.registry.spec.source.source }, installLocation: '' });
      added = name;
    }
    run(o, ['plugin', 'install', p.id, '--scope', o.scope], `install ${p.id}`);
    installed.push({ query: p.query, id: p.id, ...(added ? { addedMarketplace: added } : {}) });
  }
  return installed;
}

function run(o: { env: Record<string, string | undefined>; projectDir: string }, args: string[], what: string): void {
  const r = runClaudeCli(args, { cwd: o.projectDir, env: o.env });
  if (r.code !== 0) throw new MpError('CLAUDE_INSTALL_FAILED', `could not ${what} — claude ${args.join(' ')} exited ${r.code}: ${claudeFailure(r)}`, { hint: 'run the same claude command yourself to see the whole output' });
}
