import type { GradeResult, Parts } from './types.ts';
import { WEIGHTS } from './types.ts';
import { codeAnalysisPart } from './score/code-analysis-part.ts';
import { communityPart } from './score/community-part.ts';
import { freshnessPart } from './score/freshness-part.ts';
import { gradeFromScore } from './score/grade-from-score.ts';
import type { GradeInput } from './score/inputs.ts';
import { reputationPart } from './score/reputation-part.ts';
import { signedPart } from './score/signed-part.ts';

/** The score a critical finding caps the grade at: F (anchors §3: a critical finding blocks install without an override). */
export const CRITICAL_CAP = 39;

/**
 * Overall = 0.25·Signed + 0.20·Reputation + 0.25·CodeAnalysis + 0.15·Community + 0.15·Freshness, each part
 * 0–100 with its evidence; A ≥ 90, B ≥ 80, C ≥ 60, D ≥ 40, F below. A critical finding caps the score at
 * 39 (grade F). Pure and deterministic: the same input (clock included) gives the same output.
 */
export function gradePlugin(input: GradeInput): GradeResult {
  const parts: Parts = {
    signed: signedPart(input.signature),
    reputation: reputationPart(input.registry, input.manifest, input.signature),
    codeAnalysis: codeAnalysisPart(input.findings, input.notes),
    community: communityPart(input.history, input.manifest, input.files, input.now, input.historyNote),
    freshness: freshnessPart(input.history, input.releasedAt, input.now, input.historyNote),
  };
  const raw = round2((Object.keys(WEIGHTS) as Array<keyof Parts>).reduce((sum, k) => sum + WEIGHTS[k] * parts[k].score, 0));
  const criticals = input.findings.filter((f) => f.severity === 'critical');
  const evidence: string[] = [];
  let score = raw;
  let cap: GradeResult['cap'] = null;
  if (criticals.length) {
    const rules = [...new Set(criticals.map((f) => f.ruleId))].join(', ');
    cap = { grade: 'F', reason: `${criticals.length} critical finding${criticals.length > 1 ? 's' : ''} (${rules})` };
    if (score > CRITICAL_CAP) {
      score = CRITICAL_CAP;
      evidence.push(`score capped at ${CRITICAL_CAP} (grade F) by ${cap.reason}; ${raw} before the cap`);
    } else evidence.push(`${cap.reason}: grade F`);
  }
  return { score, rawScore: raw, grade: gradeFromScore(score), cap, parts, findings: input.findings, evidence };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
