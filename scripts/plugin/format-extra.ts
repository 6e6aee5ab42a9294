import type { ExtraFinding } from './report.ts';

const HEADINGS: Record<ExtraFinding['level'], string> = {
  load: 'Load failures claude plugin validate misses:',
  lint: 'Lint findings:',
};

/** The section printed after Claude's own report for findings beyond it, one heading per level. */
export function formatExtra(findings: readonly ExtraFinding[]): string {
  let out = '';
  for (const level of ['load', 'lint'] as const) {
    const mine = findings.filter((f) => f.level === level);
    if (mine.length === 0) continue;
    out += `\n${HEADINGS[level]}\n\n`;
    for (const f of mine) {
      const where = `${f.file}${f.line !== undefined ? `:${f.line}` : ''}${f.path ? `:${f.path}` : ''}`;
      const glyph = f.severity === 'error' ? '✘' : f.severity === 'warning' ? '⚠' : '❯';
      out += `  ${glyph} ${where}: ${f.message} [${f.rule}]\n`;
      if (f.hint) out += `      hint: ${f.hint}\n`;
    }
  }
  return out;
}

/** 1 when a finding fails the run: an error, or a warning under --strict. */
export function extraExitCode(findings: readonly ExtraFinding[], strict: boolean): 0 | 1 {
  return findings.some((f) => f.severity === 'error' || (strict && f.severity === 'warning')) ? 1 : 0;
}
