import type { Finding, Severity } from '../types.ts';
import { SEVERITIES } from '../types.ts';
import type { AnalysisModel, RawFinding, Rule } from './analysis-model.ts';
import { evidenceText } from './text/evidence.ts';

const DOC_DIR = /(^|\/)(examples?|samples?|docs?|tests?|__tests__|spec|specs|fixtures?|templates?|demo)(\/|$)/i;
const TEST_FILE = /(^|\/)(test_[^/]*\.py|[^/]*_test\.py|conftest\.py|[^/]*\.(test|spec)\.[cm]?[jt]sx?|[^/]*_test\.sh|test-[^/]*\.sh)$/i;
const DOWN: Record<Severity, Severity> = { critical: 'medium', high: 'low', medium: 'low', low: 'low' };

/**
 * Turn raw findings into reported ones: render evidence (one line, masked), lower the severity of files in
 * example/test/template directories that nothing in the plugin runs or loads (they ship but do not execute),
 * keep one finding per rule and line (the most severe), and sort most severe first.
 */
export function finalizeFindings(model: AnalysisModel, results: Array<{ rule: Rule; raw: RawFinding[] }>): Finding[] {
  // Files Claude Code loads as components are never "inert", wherever they are.
  const loaded = new Set([...model.markdown.map((d) => d.file), ...model.hooks.map((h) => h.file), ...model.mcps.map((m) => m.file)]);
  const best = new Map<string, Finding>();
  for (const { rule, raw } of results) {
    for (const r of raw) {
      let severity = r.severity;
      let message = r.message;
      const inert = (DOC_DIR.test(r.loc.file) || TEST_FILE.test(r.loc.file)) && !model.reached.has(r.loc.file) && !loaded.has(r.loc.file);
      if (inert) {
        severity = DOWN[severity];
        message = `${message} (in an example/test file that nothing in the plugin runs)`;
      }
      const via = r.loc.via?.length ? ` ⇒ via ${r.loc.via.join(' ⇒ ')}` : '';
      const f: Finding = {
        ruleId: rule.id,
        severity,
        file: r.loc.file,
        line: Math.max(1, r.loc.line),
        ...(r.loc.column ? { column: r.loc.column } : {}),
        evidence: evidenceText(`${r.loc.snippet}${via}`),
        message: evidenceText(message, 300),
        hint: r.hint ?? rule.hint,
      };
      const key = `${f.ruleId}\u0000${f.file}\u0000${f.line}`;
      const prev = best.get(key);
      if (!prev || rank(f.severity) < rank(prev.severity)) best.set(key, f);
    }
  }
  return [...best.values()].sort((a, b) => rank(a.severity) - rank(b.severity) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || (a.ruleId < b.ruleId ? -1 : 1));
}

function rank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}
