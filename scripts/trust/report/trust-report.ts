import type { Improvement } from '../raise-grade.ts';
import type { AnalysisNote, GradeResult } from '../types.ts';

/** What `mp trust` prints (and /mp:trust explains): grade, parts, findings, notes, improvements, policy verdict. */
export interface TrustReport {
  plugin: { name: string; id?: string; dir: string };
  grade: GradeResult['grade'];
  score: number;
  rawScore: number;
  cap: GradeResult['cap'];
  parts: GradeResult['parts'];
  findings: GradeResult['findings'];
  evidence: string[];
  notes: AnalysisNote[];
  improvements: Improvement[];
  policy: { ok: boolean; violations: string[] };
}

export function trustReport(plugin: TrustReport['plugin'], r: GradeResult, notes: AnalysisNote[], improvements: Improvement[], violations: string[]): TrustReport {
  return { plugin, grade: r.grade, score: r.score, rawScore: r.rawScore, cap: r.cap, parts: r.parts, findings: r.findings, evidence: r.evidence, notes, improvements, policy: { ok: violations.length === 0, violations } };
}
