import { decide } from '../policy/decide.ts';
import { resolvePlugin } from '../federation/resolve-plugin.ts';
import type { LockFile } from '../lock/types.ts';
import type { ObservedPlugin } from '../lock/observed.ts';
import { loadPolicy } from './load-policy.ts';
import { loadFederation } from './registry-fetch/load-federation.ts';

export interface PolicyViolation { id: string; rule: string; reason: string }

/**
 * The policy's verdict on every plugin the project runs or locks (.claude/policies/plugins.yaml merged
 * with the org policy). No policy file at all: nothing to check. The federation is read offline (Claude's
 * copies and mp's registry cache), so a verify never waits on the network; a registry that is not
 * available offline counts as unreachable, which the policy's onUnreachable decides.
 */
export async function policyViolations(o: { env: Record<string, string | undefined>; projectDir: string; lock: LockFile; observed: readonly ObservedPlugin[] }): Promise<{ checked: boolean; violations: PolicyViolation[] }> {
  const { policy } = loadPolicy({ cwd: o.projectDir, env: { ...o.env, CLAUDE_PROJECT_DIR: o.projectDir } });
  if (!policy.failure && policy.layers.length === 0) return { checked: false, violations: [] };
  const { federation } = await loadFederation({ cwd: o.projectDir, env: { ...o.env, CLAUDE_PROJECT_DIR: o.projectDir }, policy, mode: 'offline' });
  const locked = new Map(o.lock.plugins.map((p) => [p.id, p]));
  const ids = new Set([...locked.keys(), ...o.observed.filter((p) => p.installation || p.enabledScope).map((p) => p.id)]);
  const violations: PolicyViolation[] = [];
  for (const id of [...ids].sort()) {
    const entry = locked.get(id);
    const res = resolvePlugin(id, federation, policy);
    const facts = {
      ...res.facts,
      locked: entry !== undefined,
      ...(entry?.version ? { version: entry.version } : {}),
      ...(entry?.grade ? { grade: entry.grade } : {}),
      ...(entry?.signer ? { signer: entry.signer } : {}),
    };
    const d = decide(facts, policy);
    if (!d.allow) violations.push({ id, rule: d.rule, reason: d.reason });
  }
  return { checked: true, violations };
}
