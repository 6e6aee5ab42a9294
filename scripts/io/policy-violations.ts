import { decide } from '../policy/decide.ts';
import { needsGrade } from '../policy/decide-without-trust.ts';
import { resolvePlugin } from '../federation/resolve-plugin.ts';
import { lockTrustFacts } from '../lock/lock-trust-facts.ts';
import type { LockFile } from '../lock/types.ts';
import type { ObservedPlugin } from '../lock/observed.ts';
import type { EffectivePolicy, PluginFacts } from '../policy/types.ts';
import { requiredSignatures } from '../trust/signing/required-signatures.ts';
import { loadPolicy } from './load-policy.ts';
import { pluginTrustFacts, trustFactsOf, trustTarget } from './plugin-trust-facts.ts';
import { loadFederation } from './registry-fetch/load-federation.ts';

/** `code` is set when the violation comes from verifying the installed tree (a SIGNATURE_* code, or a grading failure). */
export interface PolicyViolation { id: string; rule: string; reason: string; code?: string }

/**
 * The policy's verdict on every plugin the project runs or locks (.claude/policies/plugins.yaml merged
 * with the org policy). No policy file at all: nothing to check. The federation is read from Claude's
 * copies and mp's registry cache, fetching a registry that is missing or stale (so a fresh CI machine can
 * verify after mp install --frozen); with `offline` the cache only, and a registry that is not cached
 * counts as unreachable, which the policy's onUnreachable decides.
 * Trust facts are re-established on the installed trees, never taken on the lock's word: a plugin whose
 * policy requires a signature has it verified again, and under minGrade / denySeverities it is graded
 * again. A plugin that is locked but not installed is judged on what the lock records.
 */
export async function policyViolations(o: { env: Record<string, string | undefined>; projectDir: string; lock: LockFile; observed: readonly ObservedPlugin[]; offline?: boolean }): Promise<{ checked: boolean; violations: PolicyViolation[] }> {
  const { policy } = loadPolicy({ cwd: o.projectDir, env: { ...o.env, CLAUDE_PROJECT_DIR: o.projectDir } });
  if (!policy.failure && policy.layers.length === 0) return { checked: false, violations: [] };
  const { federation } = await loadFederation({ cwd: o.projectDir, env: { ...o.env, CLAUDE_PROJECT_DIR: o.projectDir }, policy, mode: o.offline ? 'offline' : 'auto' });
  const locked = new Map(o.lock.plugins.map((p) => [p.id, p]));
  const ids = new Set([...locked.keys(), ...o.observed.filter((p) => p.installation || p.enabledScope).map((p) => p.id)]);
  const violations: PolicyViolation[] = [];
  for (const id of [...ids].sort()) {
    const entry = locked.get(id);
    const res = resolvePlugin(id, federation, policy);
    const facts: PluginFacts = { ...res.facts, locked: entry !== undefined, ...(entry?.version ? { version: entry.version } : {}), ...lockTrustFacts(entry) };
    const observed = o.observed.find((p) => p.id === id);
    const checked = observed?.installation ? await installedTrust(observed, facts, policy, o) : undefined;
    const d = decide(checked ? { ...facts, grade: undefined, signer: undefined, findings: undefined, ...checked.facts } : facts, policy);
    if (d.allow) continue;
    const failed = checked?.signatureFailure;
    if (failed && d.rule.startsWith('trust.requireSignature')) violations.push({ id, rule: d.rule, reason: `the installed tree's signature does not verify: ${failed.reason}`, code: failed.code });
    else if (checked?.gradeError && (d.rule === 'trust.minGrade' || d.rule === 'trust.denySeverities')) violations.push({ id, rule: d.rule, reason: `${d.reason} (grading failed: ${checked.gradeError.message})`, code: checked.gradeError.code });
    else violations.push({ id, rule: d.rule, reason: d.reason });
  }
  return { checked: true, violations };
}

/** Signature and (when the policy needs them) grade and findings of the installed tree; undefined when the policy asks for neither. */
async function installedTrust(p: ObservedPlugin, facts: PluginFacts, policy: EffectivePolicy, o: { env: Record<string, string | undefined>; projectDir: string }) {
  const grade = needsGrade(policy);
  if (!grade && requiredSignatures(facts, policy).length === 0) return undefined;
  const t = await pluginTrustFacts(trustTarget(p.installation!.installPath, p, o.projectDir, o.env, true), { id: p.id, name: p.name, registry: facts.registry ?? p.marketplace }, policy, { grade, env: o.env });
  const r = t.signature.result;
  // Without grading, a grade or findings the lock records still count; a signer never does.
  const kept = grade ? {} : { ...(facts.grade ? { grade: facts.grade } : {}), ...(facts.findings ? { findings: facts.findings } : {}) };
  return { facts: { ...kept, ...trustFactsOf(t) }, signatureFailure: r && !r.ok ? r : undefined, gradeError: t.gradeError };
}
