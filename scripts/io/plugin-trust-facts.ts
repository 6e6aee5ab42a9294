import { isMpError } from '../core/errors.ts';
import { countFindings, lockTrustFacts, lockTrustFields, type TrustPolicyFacts } from '../lock/lock-trust-facts.ts';
import type { LockFinding } from '../lock/types.ts';
import type { EffectivePolicy, Grade, Signer } from '../policy/types.ts';
import { signerFact } from '../trust/signing/required-signatures.ts';
import { checkPluginSignature, type PluginSignatureCheck } from './check-plugin-signature.ts';
import { gradePluginDir } from './grade-plugin-dir.ts';
import { resolveTrustTarget, type TrustTarget } from './resolve-trust-target.ts';

export interface PluginTrust {
  /** The policy's signature requirements for the plugin, checked on this tree. */
  signature: PluginSignatureCheck;
  /** Who signed it: when a requirement applies, only if every one verified; else a signature any policy key or identity verifies. */
  signer?: Signer;
  grade?: { grade: Grade; score: number; findings: LockFinding[] };
  /** Why grading failed (the grade is then unknown, which trust.minGrade denies). */
  gradeError?: { code: string; message: string };
}

export interface TrustOptions { grade: boolean; env: Record<string, string | undefined>; now?: number }

/**
 * The trust facts of one plugin tree, for mp lock / mp install / mp verify: its signature checked
 * against the policy (checkPluginSignature) and, when asked, its grade and findings (mp trust's
 * gradePluginDir, which also tells whether a signature no requirement asks for verifies). Never throws.
 */
export async function pluginTrustFacts(target: TrustTarget, plugin: { id: string; name: string; registry?: string }, policy: EffectivePolicy, o: TrustOptions): Promise<PluginTrust> {
  const signature = checkPluginSignature(target.dir, plugin, policy, { expectedName: plugin.name });
  const out: PluginTrust = { signature, ...(signature.signer ? { signer: signature.signer } : {}) };
  if (!o.grade) return out;
  try {
    const { report, input } = await gradePluginDir(target, { policy, now: o.now ?? Date.now(), clock: () => performance.now() });
    out.grade = { grade: report.grade, score: report.score, findings: countFindings(report.findings) };
    if (!signature.required && input.signature.status === 'verified') {
      out.signer = signerFact({ ok: true, signer: input.signature.signer, subject: { name: plugin.name, sha256: '' }, integrity: '' });
    }
  } catch (e) {
    out.gradeError = { code: isMpError(e) ? e.code : 'TRUST_GRADE_FAILED', message: e instanceof Error ? e.message : String(e) };
  }
  return out;
}

/**
 * What to grade for a plugin: its tree `dir` (an installed copy, or the registry checkout before install),
 * with the marketplace entry, owner and git history found as mp trust finds them. Never throws.
 */
export function trustTarget(dir: string, plugin: { id: string; name: string; marketplace: string }, projectDir: string, env: Record<string, string | undefined>, installed: boolean): TrustTarget {
  const fallback: TrustTarget = { dir, name: plugin.name, marketplace: plugin.marketplace, historyDir: dir };
  try {
    const t = installed ? resolveTrustTarget(plugin.id, projectDir, { ...env, CLAUDE_PROJECT_DIR: projectDir }) : resolveTrustTarget(dir, projectDir, env);
    return { ...t, dir, name: plugin.name, marketplace: plugin.marketplace };
  } catch {
    return fallback;
  }
}

/** The facts decide() reads, from trust facts computed on a tree (the same shape the lock gives). */
export function trustFactsOf(t: PluginTrust): TrustPolicyFacts {
  return lockTrustFacts(lockTrustFields(t));
}
