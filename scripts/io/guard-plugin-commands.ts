import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isMpError } from '../core/errors.ts';
import { judgePluginOps, type JudgeContext } from '../federation/judge-plugin-ops.ts';
import { sameSource } from '../federation/order-registries.ts';
import { parseRegistrySource } from '../federation/parse-registry-source.ts';
import type { RegistrySource } from '../federation/types.ts';
import type { PluginOp } from '../policy/parse-plugin-commands.ts';
import { LOCK_FILE_NAME } from '../lock/types.ts';
import { loadPolicy } from './load-policy.ts';
import { readLockFile } from './lock-file.ts';
import { loadFederation } from './registry-fetch/load-federation.ts';
import { pathKind } from './path-kind.ts';

export type Guard = { deny: false } | { deny: true; rule: string; reason: string };

/**
 * The PreToolUse verdict on plugin-changing commands: load the merged policy (no policy at all: nothing
 * to enforce), the federation (fresh cache or a bounded fetch), and the lock, then judge each command.
 * Fails closed: a broken policy, unreadable Claude state or any unexpected error denies.
 */
export async function guardPluginCommands(ops: PluginOp[], o: { cwd: string; env: Record<string, string | undefined> }): Promise<Guard> {
  const projectDir = o.env.CLAUDE_PROJECT_DIR || o.cwd;
  const { policy } = loadPolicy({ cwd: o.cwd, env: o.env });
  if (!policy.failure && policy.layers.length === 0) return { deny: false };
  if (policy.failure) return { deny: true, rule: policy.failure.rule, reason: policy.failure.reason };
  try {
    const env = { ...o.env, MP_GIT_TIMEOUT_MS: o.env.MP_GIT_TIMEOUT_MS ?? '20000', MP_HTTP_TIMEOUT_MS: o.env.MP_HTTP_TIMEOUT_MS ?? '10000' };
    const { federation } = await loadFederation({ cwd: o.cwd, env, policy, mode: 'auto', components: false });
    let lock: JudgeContext['lock'];
    try {
      const file = readLockFile(join(projectDir, LOCK_FILE_NAME));
      if (file) lock = new Map(file.plugins.map((p) => [p.id, p]));
    } catch (e) {
      if (!isMpError(e)) throw e; // an unreadable lock leaves `locked` unknown: requireLockfile then denies
    }
    const known: Array<{ name: string; source: RegistrySource }> = [
      ...federation.registries.map((r) => ({ name: r.spec.name, source: r.spec.source })),
      ...federation.failures.map((f) => ({ name: f.name, source: f.source })),
    ];
    const verdicts = judgePluginOps(ops, {
      policy,
      federation,
      ...(lock ? { lock } : {}),
      parseSource: (t) => parseRegistrySource(t, { cwd: o.cwd, home: o.env.HOME || homedir(), kindOf: pathKind }),
      marketplaceNameOf: (s) => localMarketplaceName(s) ?? known.find((k) => sameSource(k.source, s))?.name,
    });
    const denied = verdicts.find((v) => !v.decision.allow);
    return denied ? { deny: true, rule: denied.decision.rule, reason: denied.decision.reason } : { deny: false };
  } catch (e) {
    const code = isMpError(e) ? e.code : 'INTERNAL';
    return { deny: true, rule: 'policy.unavailable', reason: `the plugin policy could not be evaluated (${code}: ${e instanceof Error ? e.message : String(e)}); plugin changes are denied until it can` };
  }
}

/** A local marketplace's name, read from its marketplace.json (small, local, no fetch). */
function localMarketplaceName(s: RegistrySource): string | undefined {
  if (s.source !== 'directory' && s.source !== 'file') return undefined;
  try {
    const file = s.source === 'file' ? s.path : join(s.path, '.claude-plugin', 'marketplace.json');
    const v = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as { name?: unknown };
    return typeof v.name === 'string' ? v.name : undefined;
  } catch {
    return undefined;
  }
}

