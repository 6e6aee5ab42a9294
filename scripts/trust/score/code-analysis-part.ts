import type { AnalysisNote, Finding, Part, RuleId, Severity } from '../types.ts';
import { SEVERITIES } from '../types.ts';

export const PENALTY: Record<Exclude<Severity, 'critical'>, number> = { high: 25, medium: 10, low: 3 };
/** Notes that mean part of the plugin was not analysed: the part cannot vouch for what it did not read. */
const INCOMPLETE = new Set(['FILE_TOO_LARGE', 'TREE_TOO_MANY_FILES', 'TREE_TOO_DEEP', 'TREE_TOO_LARGE', 'ANALYSIS_TIMEOUT', 'ANALYSIS_NODE_BUDGET', 'FILE_UNREADABLE', 'HOOKS_INVALID_JSON', 'MCP_INVALID_JSON']);
export const INCOMPLETE_CAP = 80;

/**
 * CodeAnalysis (25 %): 100 minus a penalty per rule that fired, at the most severe level it fired
 * (high −25, medium −10, low −3; the same rule in ten files is one risk, not ten), floored at 0.
 * Any critical finding makes the part 0 (and caps the grade, see gradePlugin). When part of the plugin
 * could not be analysed (too large, too many files, time budget) the part is capped at 80.
 */
export function codeAnalysisPart(findings: Finding[], notes: AnalysisNote[]): Part {
  const worst = new Map<RuleId, { severity: Severity; count: number }>();
  for (const f of findings) {
    const w = worst.get(f.ruleId);
    if (!w) worst.set(f.ruleId, { severity: f.severity, count: 1 });
    else {
      w.count++;
      if (SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(w.severity)) w.severity = f.severity;
    }
  }
  const evidence: string[] = [];
  let score = 100;
  let critical = false;
  for (const [rule, w] of [...worst].sort((a, b) => SEVERITIES.indexOf(a[1].severity) - SEVERITIES.indexOf(b[1].severity) || (a[0] < b[0] ? -1 : 1))) {
    if (w.severity === 'critical') {
      critical = true;
      evidence.push(`${rule}: critical (${w.count} finding${w.count > 1 ? 's' : ''}) → part is 0`);
    } else {
      score -= PENALTY[w.severity];
      evidence.push(`${rule}: ${w.severity} (${w.count} finding${w.count > 1 ? 's' : ''}) −${PENALTY[w.severity]}`);
    }
  }
  if (critical) score = 0;
  score = Math.max(0, score);
  const gaps = notes.filter((n) => INCOMPLETE.has(n.code));
  if (gaps.length && score > INCOMPLETE_CAP) {
    score = INCOMPLETE_CAP;
    evidence.push(`part of the plugin was not analysed (${[...new Set(gaps.map((g) => g.code))].join(', ')}) → capped at ${INCOMPLETE_CAP}`);
  }
  if (worst.size === 0) evidence.unshift('no findings');
  return { score, evidence };
}
