import { MpError } from '../core/errors.ts';
import type { Collision, PluginComponents } from '../federation/find-collisions.ts';
import { installCollisions } from '../federation/install-collisions.ts';
import { planInstall, type PlannedPlugin } from '../federation/plan-install.ts';
import type { Federation } from '../federation/types.ts';
import { declaredDependencies } from '../lock/declared-dependencies.ts';
import { decide } from '../policy/decide.ts';
import { decideWithoutTrust, needsGrade } from '../policy/decide-without-trust.ts';
import type { EffectivePolicy } from '../policy/types.ts';
import { requiredSignatures } from '../trust/signing/required-signatures.ts';
import { readPluginManifest } from './claude-state/manifests.ts';
import { pluginTrustFacts, trustFactsOf, trustTarget, type PluginTrust } from './plugin-trust-facts.ts';
import { projectPlugins } from './project-plugin-ids.ts';
import { readPluginComponents } from './registry-fetch/read-plugin-components.ts';

export interface InstallPrecheck {
  planned: PlannedPlugin[];
  /** Every collision the install would create; errors were refused unless allowed. */
  collisions: Collision[];
  /** Trust facts of planned plugins whose tree is local (checked before install). */
  trust: Map<string, PluginTrust>;
  /** The project's plugins before the install, with what their installed trees define. */
  existing: PluginComponents[];
}

export interface PrecheckOptions {
  env: Record<string, string | undefined>;
  projectDir: string;
  queries: string[];
  scope: 'project' | 'user' | 'local';
  allowCollisions: boolean;
  policy: EffectivePolicy;
  federation: Federation;
}

/**
 * Everything mp install decides before Claude Code is called, so that a refused install changes nothing:
 * 1. resolve the queries and, transitively, their declared dependencies (PLUGIN_NOT_FOUND);
 * 2. the policy on each (POLICY_DENIED), trust rules excepted;
 * 3. collisions with the project's plugins and among the planned ones (INSTALL_COLLISION, unless allowed);
 * 4. where the plugin's tree is in a local registry checkout: its signature (the SIGNATURE_* code) and
 *    its grade and findings, then the full decision with those facts (POLICY_DENIED).
 * Refusals are exit 1. Remote trees get their trust checked right after install (install-postchecks.ts).
 */
export async function precheckInstall(o: PrecheckOptions): Promise<InstallPrecheck> {
  const { policy } = o;
  const plan = planInstall(o.queries, o.federation, policy, (c) => (c.plugin.root ? manifestDependencies(c.plugin.root, c.registry.spec.name) : []));
  const missing = plan.unresolved[0];
  if (missing) {
    const what = missing.requiredBy ? `${missing.query} (a dependency of ${missing.requiredBy})` : missing.query;
    const why = missing.decision.allow ? `no registry offers ${missing.query}` : missing.decision.reason;
    throw new MpError('PLUGIN_NOT_FOUND', `could not resolve ${what} — ${why}`, { hint: 'mp search <words> lists what the registries offer; mp registry list shows them', exitCode: 1 });
  }
  const locked = o.scope !== 'user';
  for (const p of plan.planned) {
    const d = decideWithoutTrust({ ...p.facts, locked }, policy);
    if (!d.allow) throw denied(p, d.rule, d.reason);
  }
  const existing = projectPlugins(o.env, o.projectDir).map((p) => ({ id: p.id, components: p.installPath ? readPluginComponents(p.installPath, p.id.split('@')[0]).components : [] }));
  const collisions = installCollisions(existing, plan.planned.map((p) => ({ id: p.id, components: p.candidate.plugin.components })));
  const clash = collisions.find((c) => c.severity === 'error');
  if (clash && !o.allowCollisions) throw collisionRefused(plan.planned.map((p) => p.id), clash, '');
  const trust = new Map<string, PluginTrust>();
  for (const p of plan.planned) {
    const root = p.candidate.plugin.root;
    if (!root || (!needsGrade(policy) && requiredSignatures(p.facts, policy).length === 0)) continue;
    const t = await pluginTrustFacts(trustTarget(root, { id: p.id, name: p.facts.name, marketplace: p.facts.marketplace }, o.projectDir, o.env, false), p.facts, policy, { grade: needsGrade(policy), env: o.env });
    trust.set(p.id, t);
    if (t.signature.required && !t.signature.result?.ok) throw signatureRefused(p.id, t, 'before install');
    const d = decide({ ...p.facts, locked, ...trustFactsOf(t) }, policy);
    if (!d.allow) throw denied(p, d.rule, d.reason);
  }
  return { planned: plan.planned, collisions, trust, existing };
}

/** INSTALL_COLLISION (exit 1) for an install of `ids` that would create `clash`; `when` says if it was found after install. */
export function collisionRefused(ids: readonly string[], clash: Collision, when: string): MpError {
  return new MpError('INSTALL_COLLISION', `cannot install ${ids.join(', ')}${when ? ` (${when})` : ''} — ${clash.message}`, {
    hint: 'install only one of them (name the registry: name@registry), or pass --allow-collisions to accept that one silently wins',
    exitCode: 1,
  });
}

/** The SIGNATURE_* (or KEY_*) code of a failed required signature, as an exit-1 refusal. */
export function signatureRefused(id: string, t: PluginTrust, when: string): MpError {
  const r = t.signature.result;
  const code = r && !r.ok ? r.code : 'SIGNATURE_MISSING';
  return new MpError(code, `${id} is refused ${when}: the policy requires a signature and ${r && !r.ok ? r.reason : 'none verified'}`, {
    hint: 'ask the publisher for a plugin signed (mp sign) by a key or identity the policy lists under trust.requireSignature',
    exitCode: 1,
  });
}

function denied(p: PlannedPlugin, rule: string, reason: string): MpError {
  const what = p.requiredBy ? `${p.id} (a dependency of ${p.requiredBy})` : p.id;
  return new MpError('POLICY_DENIED', `${what} is denied by the policy (${rule}): ${reason}`, { hint: 'see mp policy explain, or ask the owner of the policy', exitCode: 1 });
}

function manifestDependencies(root: string, marketplace: string): ReturnType<typeof declaredDependencies> {
  try {
    return declaredDependencies(readPluginManifest(root)?.dependencies, marketplace);
  } catch {
    return []; // an unreadable manifest: Claude Code refuses the plugin itself
  }
}
