import type { CommandIO, CommandModule } from '../command.ts';
import { EXIT } from '../../core/exit-codes.ts';
import { MpError } from '../../core/errors.ts';
import { parseCliArgs } from '../parse-cli-args.ts';
import { nodeFsView } from '../../io/node-fs-view.ts';
import type { FsView } from '../../plugin/fs-view.ts';
import { memoFsView } from '../../plugin/memo-fs-view.ts';
import type { ExtraFinding, ValidationReport } from '../../plugin/report.ts';
import { validateTarget } from '../../plugin/validate-target.ts';
import { formatClaudeText } from '../../plugin/format-text.ts';
import { extraExitCode, formatExtra } from '../../plugin/format-extra.ts';
import { buildContexts } from '../../plugin/load-checks/build-contexts.ts';
import { runLoadChecks } from '../../plugin/load-checks/run-load-checks.ts';
import { readGitTags } from '../../io/git-tags.ts';
import { runLint } from '../../plugin/lint/run-lint.ts';
import { toSarif } from '../../plugin/sarif.ts';

const USAGE = 'usage: mp validate [--strict] [--json | --sarif] [--claude-compat] [--lint] <path>...';

const help = `${USAGE}

Validate plugins and marketplaces exactly as \`claude plugin validate\` 2.1.197 does (same checks, same
messages, same output and exit code), then report the load failures Claude's validator misses.

<path> is a plugin or marketplace directory, a plugin.json, or a marketplace.json; several paths give one
report each, in order.

  --strict         warnings fail the run (as in claude plugin validate --strict)
  --claude-compat  print exactly what claude plugin validate prints, nothing more (same exit code)
  --json           machine-readable reports: {ok, exitCode, reports: [{target, kind, blocks, extra, fatal?, exitCode}]}
  --lint           also report quality findings (descriptions that won't trigger, always-on token cost,
                   names that shadow built-in commands, unscoped Bash, Agent Skills conventions…)
  --sarif          print one SARIF 2.1.0 log (for GitHub code scanning) instead of text; URIs relative to cwd

exit codes: 0 passed (warnings allowed) · 1 errors (or warnings under --strict) · 2 could not run (usage,
or Claude's validator would have crashed on this path)`;

interface Flags { strict: boolean; claudeCompat: boolean; json: boolean; lint: boolean; sarif: boolean }

async function run(io: CommandIO): Promise<number> {
  const { values, positionals } = parseCliArgs(io.argv, {
    strict: { type: 'boolean' }, json: { type: 'boolean' }, 'claude-compat': { type: 'boolean' }, lint: { type: 'boolean' }, sarif: { type: 'boolean' },
  }, USAGE);
  if (positionals.length === 0) throw new MpError('USAGE', `no path given\n${USAGE}`, { hint: 'pass a plugin or marketplace directory, e.g. mp validate .' });
  const flags: Flags = { strict: values.strict === true, claudeCompat: values['claude-compat'] === true, json: values.json === true, lint: values.lint === true, sarif: values.sarif === true };
  if (flags.json && flags.sarif) throw new MpError('USAGE', `--json and --sarif both choose the output format\n${USAGE}`, { hint: 'pass one of them' });
  // Every level, and targets that share a tree, ask the same questions of it: answer each once.
  const fs = memoFsView(nodeFsView());
  const results = positionals.map((target) => {
    const report = validateTarget(target, fs, { cwd: io.cwd });
    if (flags.claudeCompat) report.extra = [];
    else report.extra.push(...beyondClaude(report, fs, flags));
    const claude = formatClaudeText(report, flags.strict);
    const exitCode = Math.max(claude.exitCode, flags.claudeCompat ? 0 : extraExitCode(report.extra, flags.strict));
    return { report, claude, exitCode };
  });
  const exitCode = results.reduce<number>((worst, r) => Math.max(worst, r.exitCode), EXIT.OK);
  if (flags.sarif) {
    const readText = (f: string) => { const r = fs.readFile(f, 8 * 1024 * 1024); return r.ok ? new TextDecoder().decode(r.bytes) : null; };
    io.stdout(JSON.stringify(toSarif(results.map((r) => r.report), { cwd: io.cwd, toolVersion: TOOL_VERSION, readText }), null, 2) + '\n');
    return exitCode;
  }
  if (flags.json) {
    const reports = results.map((r) => ({ ...r.report, claudeExitCode: r.claude.exitCode, exitCode: r.exitCode }));
    io.stdout(JSON.stringify({ ok: exitCode === EXIT.OK, exitCode, reports }, null, 2) + '\n');
    return exitCode;
  }
  for (const r of results) {
    io.stdout(r.claude.stdout);
    if (r.claude.stderr) io.stderr(r.claude.stderr);
    if (!flags.claudeCompat && r.report.extra.length > 0) io.stdout(formatExtra(r.report.extra));
  }
  return exitCode;
}

/**
 * Findings beyond Claude's own report, for the sections after it (skipped under --claude-compat).
 * The load level (scripts/plugin/load-checks/) and the lint level (scripts/plugin/lint/) plug in here.
 */
function beyondClaude(report: ValidationReport, fs: FsView, flags: Flags): ExtraFinding[] {
  if (report.fatal !== undefined || report.blocks.length === 0) return [];
  const contexts = buildContexts({ kind: report.kind, file: report.blocks[0].file }, fs, readGitTags);
  return [...contexts.flatMap((c) => runLoadChecks(c)), ...(flags.lint ? contexts.flatMap((c) => runLint(c)) : [])];
}

/** The SARIF tool version (kept in step with main.ts VERSION). */
const TOOL_VERSION = '0.1.0';

const command: CommandModule = { summary: 'Validate a plugin or marketplace (a drop-in for `claude plugin validate`)', help, run };
export default command;
