import { WEIGHTS, type Finding, type Parts } from '../types.ts';
import type { TrustReport } from './trust-report.ts';

const LABEL: Record<keyof Parts, string> = { signed: 'Signed', reputation: 'Reputation', codeAnalysis: 'CodeAnalysis', community: 'Community', freshness: 'Freshness' };

/** The human report: grade line, the five parts with their evidence, findings with file:line, what would raise the grade. */
export function formatTrustText(r: TrustReport, opts: { maxFindings?: number } = {}): string {
  const out: string[] = [];
  out.push(`${r.plugin.id ?? r.plugin.name}: grade ${r.grade} (${r.score}/100${r.rawScore > r.score ? `, capped from ${r.rawScore}` : ''})`);
  for (const e of r.evidence) out.push(`  ${e}`);
  out.push('', 'parts (weight · score):');
  for (const k of Object.keys(WEIGHTS) as Array<keyof Parts>) {
    out.push(`  ${LABEL[k].padEnd(12)} ${String(Math.round(WEIGHTS[k] * 100)).padStart(2)}% · ${String(r.parts[k].score).padStart(3)}`);
    for (const e of r.parts[k].evidence) out.push(`      - ${e}`);
  }
  out.push('', r.findings.length ? `findings (${r.findings.length}):` : 'findings: none');
  out.push(...formatFindings(r.findings, opts.maxFindings ?? 50));
  if (r.notes.length) {
    out.push('', 'not analysed:');
    for (const n of r.notes.slice(0, 20)) out.push(`  [${n.code}] ${n.message}`);
    if (r.notes.length > 20) out.push(`  … ${r.notes.length - 20} more`);
  }
  if (r.improvements.length) {
    out.push('', 'what would raise the grade:');
    for (const i of r.improvements.slice(0, 10)) out.push(`  +${i.gain} → ${i.grade}: ${i.action}`);
  }
  if (!r.policy.ok) {
    out.push('', 'policy:');
    for (const v of r.policy.violations) out.push(`  ✘ ${v}`);
  }
  return out.join('\n') + '\n';
}

export function formatFindings(findings: Finding[], max: number): string[] {
  const out: string[] = [];
  for (const f of findings.slice(0, max)) {
    out.push(`  ${f.severity.toUpperCase().padEnd(8)} ${f.ruleId}  ${f.file}:${f.line}${f.column ? `:${f.column}` : ''}`);
    out.push(`           ${f.message}`);
    out.push(`           > ${f.evidence}`);
    out.push(`           fix: ${f.hint}`);
  }
  if (findings.length > max) out.push(`  … ${findings.length - max} more (use --json for all)`);
  return out;
}
