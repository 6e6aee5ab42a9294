import { basename, dirname } from 'node:path';
import type { ValidationReport } from '../plugin/report.ts';
import { truncate } from '../core/errors.ts';

/** The JSON a PostToolUse hook prints (Claude Code 2.1.197, spec §4.4). */
export interface PostToolUseOutput {
  decision?: 'block';
  reason?: string;
  systemMessage?: string;
  hookSpecificOutput?: { hookEventName: 'PostToolUse'; additionalContext: string };
}

interface Line { severity: 'error' | 'warning'; file: string; text: string }

/** At most this many findings are listed; the rest are counted (a broken tree must not flood the context). */
const MAX_LINES = 40;

/**
 * What the hook tells Claude after a write, from the report of the enclosing plugin or marketplace.
 * Errors (claude-level, or load failures) → `decision: "block"`: Claude sees the reason as a blocking
 * hook error and is told to fix every finding now. Warnings only → `additionalContext`. Clean → null.
 * Findings in the file just edited come first. A report Claude's validator would crash on (`fatal`)
 * is only shown to the user: lint fails open.
 */
export function postToolUseOutput(report: ValidationReport, editedFile: string, opts: { mpJs: string }): PostToolUseOutput | null {
  const root = rootOf(report.target);
  if (report.fatal !== undefined) return { systemMessage: `mp validate could not check ${clean(root)}: ${clean(report.fatal)}` };
  const recheck = `node ${shellQuote(opts.mpJs)} validate ${shellQuote(root)}`;
  const lines = collect(report);
  const errors = lines.filter((l) => l.severity === 'error');
  const warnings = lines.filter((l) => l.severity === 'warning');
  if (errors.length === 0 && warnings.length === 0) return null;

  const what = `the ${report.kind} at ${clean(root)}`;
  const warningText = warnings.length === 0 ? '' : [
    `marketplace-pro: ${count(warnings.length, 'warning')} in ${what}. They do not stop Claude Code from loading it, but fix those that are yours to fix (details: \`${clean(recheck)}\`):`,
    ...list(warnings, editedFile, recheck),
  ].join('\n');

  if (errors.length === 0) {
    return {
      systemMessage: `mp validate: ${count(warnings.length, 'warning')} in ${what}`,
      hookSpecificOutput: { hookEventName: 'PostToolUse', additionalContext: warningText },
    };
  }
  const reason = [
    `marketplace-pro: ${count(errors.length, 'error')} in ${what} after this edit. \`claude plugin validate\` fails or Claude Code fails to load it. Fix every error below now (file › field: message), then re-check: this hook validates again on each write, or run \`${clean(recheck)}\`.`,
    ...list(errors, editedFile, recheck),
  ].join('\n');
  return {
    decision: 'block',
    reason,
    systemMessage: `mp validate: ${count(errors.length, 'error')} in ${what}`,
    ...(warningText ? { hookSpecificOutput: { hookEventName: 'PostToolUse' as const, additionalContext: warningText } } : {}),
  };
}

function collect(report: ValidationReport): Line[] {
  const lines: Line[] = [];
  for (const b of report.blocks) {
    for (const i of b.errors) lines.push({ severity: 'error', file: b.file, text: `${clean(b.file)} › ${clean(i.path)}: ${clean(i.message)}` });
    for (const i of b.warnings) lines.push({ severity: 'warning', file: b.file, text: `${clean(b.file)} › ${clean(i.path)}: ${clean(i.message)}` });
  }
  for (const f of report.extra) {
    if (f.severity === 'note') continue;
    const where = `${clean(f.file)}${f.line ? `:${f.line}` : ''}${f.path ? ` › ${clean(f.path)}` : ''}`;
    const hint = f.hint ? ` (fix: ${clean(f.hint)})` : '';
    lines.push({ severity: f.severity, file: f.file, text: `${where}: [${f.rule}] ${clean(f.message)}${hint}` });
  }
  return lines;
}

function list(lines: Line[], editedFile: string, recheck: string): string[] {
  const sorted = [...lines.filter((l) => l.file === editedFile), ...lines.filter((l) => l.file !== editedFile)];
  const shown = sorted.slice(0, MAX_LINES).map((l) => `${l.severity === 'error' ? '✘' : '⚠'} ${l.text}`);
  if (sorted.length > MAX_LINES) shown.push(`… and ${sorted.length - MAX_LINES} more: run \`${clean(recheck)}\` to see them all`);
  return shown;
}

/**
 * Paths and messages echo file names and field values from the tree being edited. Control characters
 * (newlines above all) could forge extra lines in what Claude reads, so they are escaped, and every
 * piece is length-capped.
 */
function clean(s: string): string {
  return truncate(s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), 400);
}

/** The plugin or marketplace root of a report's target (a directory, or a manifest inside `.claude-plugin/`). */
function rootOf(target: string): string {
  return basename(dirname(target)) === '.claude-plugin' ? dirname(dirname(target)) : target;
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
