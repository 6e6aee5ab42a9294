import type { FileBlock, Issue, ValidationReport } from './report.ts';
import { asClaudeRenders } from './terminal-text.ts';

export interface ClaudeText {
  stdout: string;
  stderr: string;
  /** 0 pass (warnings allowed), 1 errors (or warnings under --strict), 2 Claude would have crashed. */
  exitCode: 0 | 1 | 2;
}

const CROSS = '✘';
const WARNING = '⚠';
const POINTER = '❯';
const TICK = '✔';

/**
 * Exactly what `claude plugin validate [--strict]` 2.1.197 prints for this report, byte for byte: the
 * report goes through Claude's terminal renderer (see terminal-text.ts); the crash line goes to stderr raw.
 */
export function formatClaudeText(report: ValidationReport, strict: boolean): ClaudeText {
  if (report.fatal !== undefined) return { stdout: '', stderr: `${CROSS} Unexpected error during validation: ${report.fatal}\n`, exitCode: 2 };
  const [manifest, ...components] = report.blocks;
  const lines = [`Validating ${manifest.kind}: ${manifest.file}`, '', ...issueLines(manifest)];
  for (const b of components) lines.push(`Validating ${b.kind}: ${b.file}`, '', ...issueLines(b));
  const { passed, noErrors, hasWarnings } = verdict(report, strict);
  if (passed) lines.push(hasWarnings ? `${TICK} Validation passed with warnings` : `${TICK} Validation passed`);
  else if (noErrors && hasWarnings) lines.push(`${CROSS} Validation failed (--strict treats warnings as errors)`);
  else lines.push(`${CROSS} Validation failed`);
  return { stdout: asClaudeRenders(lines.join('\n')) + '\n', stderr: '', exitCode: passed ? 0 : 1 };
}

/** Claude's pass/fail rule over all blocks. */
export function verdict(report: ValidationReport, strict: boolean): { passed: boolean; noErrors: boolean; hasWarnings: boolean } {
  const noErrors = report.fatal === undefined && report.blocks.every((b) => b.errors.length === 0);
  const hasWarnings = report.blocks.some((b) => b.warnings.length > 0);
  return { passed: strict ? noErrors && !hasWarnings : noErrors, noErrors, hasWarnings };
}

function issueLines(b: FileBlock): string[] {
  const out: string[] = [];
  const section = (glyph: string, noun: string, issues: Issue[]) => {
    if (issues.length === 0) return;
    out.push(`${glyph} Found ${issues.length} ${issues.length === 1 ? noun : `${noun}s`}:`, '');
    for (const i of issues) out.push(`  ${POINTER} ${i.path}: ${i.message}`);
    out.push('');
  };
  section(CROSS, 'error', b.errors);
  section(WARNING, 'warning', b.warnings);
  return out;
}
