import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { CommandIO, CommandModule } from '../command.ts';
import { EXIT } from '../../core/exit-codes.ts';
import { MpError } from '../../core/errors.ts';
import { gradePluginDir } from '../../io/grade-plugin-dir.ts';
import { loadPolicy } from '../../io/load-policy.ts';
import { resolveTrustTarget } from '../../io/resolve-trust-target.ts';
import { readPemFile } from '../../io/sigstore-material.ts';
import { RULES } from '../../trust/analysis/rules/index.ts';
import { formatTrustText } from '../../trust/report/format-trust-text.ts';
import { toSarif } from '../../trust/sarif.ts';

const help = `mp trust <plugin-dir|name@marketplace> [--json | --sarif] [--policy <file>] [--trusted-key <pem>]… [--no-history]

Grade a plugin A–F: Overall = 0.25·Signed + 0.20·Reputation + 0.25·CodeAnalysis + 0.15·Community
+ 0.15·Freshness (each 0–100, with evidence). A critical static-analysis finding caps the grade at F.
Prints the five parts, every finding with file:line and a fix, and what would raise the grade.

  --json               the full report (grade, score, parts, findings, notes, improvements, policy)
  --sarif              the findings as SARIF 2.1.0 (for code scanning)
  --policy <file>      use this policy file as the org policy (default: MP_ORG_POLICY, managed
                       settings, and the project's .claude/policies/plugins.yaml)
  --trusted-key <pem>  also accept signatures by this public key (repeatable)
  --no-history         do not read git history (freshness and activity become "unknown")

A plugin id (name@marketplace) is graded from its installed copy, else from the marketplace checkout.
exit codes: 0 graded and the policy's trust rules (minGrade, requireSignature, denySeverities) pass ·
1 the policy's trust rules are violated · 2 could not run`;

async function run(io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: io.argv,
    options: { json: { type: 'boolean' }, sarif: { type: 'boolean' }, policy: { type: 'string' }, 'trusted-key': { type: 'string', multiple: true }, 'no-history': { type: 'boolean' } },
    allowPositionals: true,
    strict: false,
  });
  const known = ['--json', '--sarif', '--policy', '--trusted-key', '--no-history'];
  const unknown = io.argv.filter((a) => a.startsWith('--') && !known.includes(a.split('=')[0]));
  if (positionals.length !== 1 || unknown.length || (values.json && values.sarif)) {
    throw new MpError('USAGE', `usage: mp trust <plugin-dir|name@marketplace> [--json | --sarif]${unknown.length ? ` (unknown option ${unknown[0]})` : ''}`, { hint: 'see mp trust --help' });
  }
  const target = resolveTrustTarget(String(positionals[0]), io.cwd, io.env);
  const { policy } = loadPolicy({ cwd: io.cwd, env: io.env, ...(typeof values.policy === 'string' ? { orgPolicy: values.policy } : {}) });
  const keys = ((values['trusted-key'] as string[] | undefined) ?? []).map((k) => readPemFile(resolve(io.cwd, k)));
  const { report } = await gradePluginDir(target, {
    policy,
    now: Date.now(),
    clock: () => performance.now(),
    extraKeys: keys,
    ...(values['no-history'] ? { noHistory: 'history not read (--no-history)' } : {}),
  });
  if (values.sarif) io.stdout(JSON.stringify(toSarif(report.findings, RULES, { version: '0.1.0', rootUri: pathToFileURL(`${target.dir}/`).href }), null, 2) + '\n');
  else if (values.json) io.stdout(JSON.stringify({ ok: report.policy.ok, ...report }, null, 2) + '\n');
  else io.stdout(formatTrustText(report));
  return report.policy.ok ? EXIT.OK : EXIT.FAILED;
}

const command: CommandModule = { summary: 'Grade a plugin A–F (signature, reputation, static analysis, community, freshness)', help, run };
export default command;
