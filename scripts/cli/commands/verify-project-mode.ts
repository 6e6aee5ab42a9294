import type { CommandIO } from '../command.ts';
import { EXIT } from '../../core/exit-codes.ts';
import { MpError } from '../../core/errors.ts';
import { formatDrift } from '../../lock/format-drift.ts';
import { policyViolations } from '../../io/policy-violations.ts';
import { projectDir } from '../../io/project-dir.ts';
import { verifyProject } from '../../io/verify-project.ts';
import { parseCliArgs } from '../parse-cli-args.ts';

/**
 * `mp verify` with no plugin directory: the project mode of mp verify (the signature mode, with a
 * directory, lives in verify-signature-mode.ts).
 */
export const PROJECT_MODE_USAGE = 'usage: mp verify [--project <dir>] [--no-policy] [--offline] [--json]';
export const PROJECT_MODE_HELP = `${PROJECT_MODE_USAGE}

Project mode: recompute the mp1 digest of every plugin Claude Code installed for this project and
compare it with plugin-lock.json. Names every modified, added, removed, renamed and mode-changed file;
every plugin installed but not locked and locked but missing; and every policy violation
(.claude/policies/plugins.yaml with the org policy; --no-policy skips it). The policy's registries are
read from mp's cache and fetched when missing or stale (--offline: the cache only; a registry that is
not cached then counts as unreachable, which the policy's onUnreachable decides).
Claude Code's bookkeeping files (.in_use/, .orphaned_at) are not part of a tree.
Exit 0 when everything matches, 1 on any drift or violation, 2 when it could not run
(no plugin-lock.json: LOCK_MISSING). --json prints the whole report for CI.`;

export async function runProjectMode(io: CommandIO): Promise<number> {
  const { values, positionals } = parseCliArgs(io.argv, { json: { type: 'boolean' }, project: { type: 'string' }, 'no-policy': { type: 'boolean' }, offline: { type: 'boolean' } }, PROJECT_MODE_USAGE);
  if (positionals.length) throw new MpError('USAGE', `unexpected argument ${positionals[0]}\n${PROJECT_MODE_USAGE}`, { hint: 'pass a plugin directory (with .claude-plugin/) to verify its signature instead' });
  const dir = projectDir(io.cwd, io.env, values.project);
  const r = verifyProject({ env: io.env, projectDir: dir });
  const policy = values['no-policy'] ? { checked: false, violations: [] } : await policyViolations({ env: io.env, projectDir: dir, lock: r.lock, observed: r.observed, offline: values.offline === true });
  const drift = r.verification.drift;
  const ok = drift.length === 0 && policy.violations.length === 0;
  if (values.json) {
    io.stdout(JSON.stringify({ ok, lockPath: r.lockPath, checked: r.verification.checked, drift, policy }, null, 2) + '\n');
    return ok ? EXIT.OK : EXIT.FAILED;
  }
  if (ok) {
    io.stdout(`✔ ${r.verification.checked} locked plugin${r.verification.checked === 1 ? '' : 's'} match ${r.lockPath}${policy.checked ? ' and the policy' : ''}\n`);
    return EXIT.OK;
  }
  const lines = formatDrift(drift);
  for (const v of policy.violations) lines.push(`✘ ${v.id} violates the policy (${v.rule}): ${v.reason}`);
  lines.push(`${drift.length} plugin${drift.length === 1 ? '' : 's'} drifted from ${r.lockPath}, ${policy.violations.length} policy violation${policy.violations.length === 1 ? '' : 's'}`);
  lines.push('hint: reinstall the locked trees with mp install --frozen, or accept the current state with mp lock');
  io.stdout(lines.join('\n') + '\n');
  return EXIT.FAILED;
}
