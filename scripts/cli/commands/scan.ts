import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { CommandIO, CommandModule } from '../command.ts';
import { EXIT } from '../../core/exit-codes.ts';
import { MpError } from '../../core/errors.ts';
import { nodePluginFiles } from '../../io/plugin-files.ts';
import { analyzePlugin } from '../../trust/analysis/analyze-plugin.ts';
import { RULES } from '../../trust/analysis/rules/index.ts';
import { formatFindings } from '../../trust/report/format-trust-text.ts';
import { toSarif } from '../../trust/sarif.ts';
import { SEVERITIES, type Severity } from '../../trust/types.ts';

const help = `mp scan <plugin-dir> [--json | --sarif] [--fail-on critical|high|medium|low|none]

Static analysis only (no grade): everything the plugin would execute or inject — hook commands and the
scripts they call, .mcp.json/.lsp.json servers, bin/, scripts, package.json scripts, the ! shell
injections and allowed-tools of commands and skills, and the text the model reads (prompt injection,
hidden Unicode). Rules H1–H13, M1–M3, S1–S2, P1–P2 (skills/trust/references/rules.md).

  --json      findings, notes (what could not be analysed) and counts
  --sarif     SARIF 2.1.0
  --fail-on   exit 1 when a finding is at least this severe (default: high)
exit codes: 0 no finding at or above --fail-on · 1 some · 2 could not run`;

async function run(io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: io.argv, options: { json: { type: 'boolean' }, sarif: { type: 'boolean' }, 'fail-on': { type: 'string' } }, allowPositionals: true, strict: false });
  const failOn = typeof values['fail-on'] === 'string' ? values['fail-on'] : 'high';
  const unknown = io.argv.filter((a) => a.startsWith('--') && !['--json', '--sarif', '--fail-on'].includes(a.split('=')[0]));
  if (positionals.length !== 1 || unknown.length || !(['none', ...SEVERITIES] as string[]).includes(failOn) || (values.json && values.sarif)) {
    throw new MpError('USAGE', 'usage: mp scan <plugin-dir> [--json | --sarif] [--fail-on critical|high|medium|low|none]', { hint: 'see mp scan --help' });
  }
  const dir = resolve(io.cwd, String(positionals[0]));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new MpError('SCAN_TARGET_NOT_DIR', `${positionals[0]} is not a directory`, { hint: 'pass a plugin directory' });
  const r = await analyzePlugin(nodePluginFiles(dir), { clock: () => performance.now() });
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, r.findings.filter((f) => f.severity === s).length]));
  const failing = failOn === 'none' ? [] : r.findings.filter((f) => SEVERITIES.indexOf(f.severity) <= SEVERITIES.indexOf(failOn as Severity));
  if (values.sarif) io.stdout(JSON.stringify(toSarif(r.findings, RULES, { version: '0.1.0', rootUri: pathToFileURL(`${dir}/`).href }), null, 2) + '\n');
  else if (values.json) io.stdout(JSON.stringify({ ok: failing.length === 0, dir, counts, findings: r.findings, notes: r.notes, stats: r.stats }, null, 2) + '\n');
  else {
    io.stdout(`${dir}: ${r.findings.length} finding(s) — ${SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ')}\n`);
    io.stdout(formatFindings(r.findings, 200).join('\n') + (r.findings.length ? '\n' : ''));
    for (const n of r.notes.slice(0, 20)) io.stdout(`note [${n.code}] ${n.message}\n`);
  }
  return failing.length ? EXIT.FAILED : EXIT.OK;
}

const command: CommandModule = { summary: 'Static analysis of a plugin (findings only; text, --json or --sarif)', help, run };
export default command;
