import { join } from 'node:path';
import { isMpError } from '../../core/errors.ts';
import { findCollisions, type Collision } from '../../federation/find-collisions.ts';
import { shadowingReport, type ShadowEntry } from '../../federation/shadowing-report.ts';
import { pluginFacts, unknownPluginFacts } from '../../federation/plugin-facts.ts';
import { registrySourceFacts } from '../../federation/source-host.ts';
import { describeSource } from '../../federation/to-registry-source.ts';
import type { ComponentInfo } from '../../federation/types.ts';
import { decide } from '../../policy/decide.ts';
import { decideMarketplace } from '../../policy/decide-marketplace.ts';
import type { Decision, PluginFacts } from '../../policy/types.ts';
import { lockTrustFacts } from '../../lock/lock-trust-facts.ts';
import { LOCK_FILE_NAME, type LockFile } from '../../lock/types.ts';
import { readLockFile } from '../../io/lock-file.ts';
import { projectPlugins } from '../../io/project-plugin-ids.ts';
import type { FederationContext } from '../../io/registry-fetch/load-context.ts';
import { readPluginComponents } from '../../io/registry-fetch/read-plugin-components.ts';

export interface PolicyCheckReport {
  ok: boolean;
  policyFailure: FederationContext['policy']['failure'];
  plugins: Array<{ id: string; enabledIn: string[]; installed: boolean; decision: Decision }>;
  registries: Array<{ name: string; source: string; decision: Decision }>;
  failures: FederationContext['federation']['failures'];
  mismatches: FederationContext['federation']['mismatches'];
  invalid: FederationContext['invalid'];
  collisions: Collision[];
  /** Names offered by several registries: which copy wins, which are shadowed (informational). */
  shadowed: ShadowEntry[];
  lockError?: { code: string; message: string };
}

/** `mp policy check`: every plugin of the project and every registry against the merged policy, plus collisions. */
export function policyCheck(ctx: FederationContext, env: Record<string, string | undefined>, projectDir: string): PolicyCheckReport {
  const { policy, federation } = ctx;
  let lock: LockFile | undefined;
  let lockError: PolicyCheckReport['lockError'];
  try {
    lock = readLockFile(join(projectDir, LOCK_FILE_NAME));
  } catch (e) {
    if (!isMpError(e)) throw e;
    lockError = { code: e.code, message: e.message };
  }
  const sets: Array<{ id: string; components: ComponentInfo[] }> = [];
  const plugins = projectPlugins(env, projectDir).map((p) => {
    const at = p.id.indexOf('@');
    const name = at < 0 ? p.id : p.id.slice(0, at);
    const marketplace = at < 0 ? '' : p.id.slice(at + 1);
    const registry = federation.registries.find((r) => r.spec.name === marketplace);
    const plugin = registry?.plugins.find((x) => x.name === name);
    const facts: PluginFacts = registry && plugin ? pluginFacts({ registry, plugin }, federation) : unknownPluginFacts(name, marketplace, federation);
    const locked = lock?.plugins.find((l) => l.id === p.id);
    if (lock) facts.locked = locked !== undefined;
    Object.assign(facts, lockTrustFacts(locked));
    const components = p.installPath ? readPluginComponents(p.installPath, name).components : plugin?.components ?? [];
    sets.push({ id: p.id, components });
    return { id: p.id, enabledIn: p.enabledIn, installed: p.installPath !== undefined, decision: decide(facts, policy) };
  });
  const registries = federation.registries.map((r) => ({
    name: r.spec.name,
    source: describeSource(r.spec.source),
    decision: decideMarketplace({ name: r.spec.name, source: registrySourceFacts(r.spec.source) }, policy),
  }));
  const collisions = findCollisions(sets);
  const ok = !policy.failure
    && plugins.every((p) => p.decision.allow)
    && registries.every((r) => r.decision.allow)
    && federation.mismatches.length === 0
    && ctx.invalid.length === 0
    && (policy.onUnreachable.value === 'skip' || federation.failures.length === 0)
    && !collisions.some((c) => c.severity === 'error');
  return { ok, policyFailure: policy.failure, plugins, registries, failures: federation.failures, mismatches: federation.mismatches, invalid: ctx.invalid, collisions, shadowed: shadowingReport(federation, policy), ...(lockError ? { lockError } : {}) };
}
