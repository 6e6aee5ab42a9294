import type { Finding, Grade, PluginFacts, Severity, Signer } from '../policy/types.ts';
import type { LockEntry, LockFinding } from './types.ts';

const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];
/** Enough findings per rule for decide() to count; the lock keeps the exact count. */
const MAX_EXPANDED = 100;

/** The trust facts decide() reads (grade, signer, findings), as plugin-lock.json records them. */
export type TrustPolicyFacts = Pick<PluginFacts, 'grade' | 'signer' | 'findings'>;

/**
 * The trust facts of a lock entry: what the PreToolUse hook and mp policy check judge a plugin on
 * before (or without) looking at its files. A graded entry has `findings` (possibly empty); an entry
 * that was never analysed has none, which trust.denySeverities denies.
 */
export function lockTrustFacts(entry: Pick<LockEntry, 'grade' | 'signer' | 'findings'> | undefined): TrustPolicyFacts {
  if (!entry) return {};
  return {
    ...(entry.grade ? { grade: entry.grade } : {}),
    ...(entry.signer ? { signer: entry.signer } : {}),
    ...(entry.findings ? { findings: entry.findings.flatMap((f) => Array.from({ length: Math.min(f.count, MAX_EXPANDED) }, (): Finding => ({ severity: f.severity, rule: f.rule }))) } : {}),
  };
}

/** Findings counted per rule, most severe first, then by rule: the stable form the lock records. */
export function countFindings(findings: ReadonlyArray<{ ruleId: string; severity: Severity }>): LockFinding[] {
  const counts = new Map<string, LockFinding>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.ruleId}`;
    const c = counts.get(key) ?? { rule: f.ruleId, severity: f.severity, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** The lock fields of a computed grade and a verified signer (absent ones are left out). */
export function lockTrustFields(t: { grade?: { grade: Grade; score: number; findings: LockFinding[] }; signer?: Signer }): Pick<LockEntry, 'grade' | 'score' | 'findings' | 'signer'> {
  return {
    ...(t.grade ? { grade: t.grade.grade, score: t.grade.score, findings: t.grade.findings } : {}),
    ...(t.signer ? { signer: t.signer } : {}),
  };
}
