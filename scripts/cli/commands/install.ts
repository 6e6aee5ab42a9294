import type { CommandIO, CommandModule } from '../command.ts';
import { EXIT } from '../../core/exit-codes.ts';
import { MpError } from '../../core/errors.ts';
import { formatDrift } from '../../lock/format-drift.ts';
import { frozenInstall } from '../../io/frozen-install.ts';
import { installPlugins } from '../../io/install-plugins.ts';
import { projectDir } from '../../io/project-dir.ts';
import { parseCliArgs } from '../parse-cli-args.ts';

const USAGE = 'usage: mp install <plugin>... [--scope project|user|local] [--allow-collisions] [--project <dir>] [--json]\n       mp install --frozen [--project <dir>] [--json]';
const help = `${USAGE}

mp install <plugin>…  resolve each plugin (name or name@marketplace) through the federation and
  precedence, check it against the policy, install it with the real Claude Code
  (claude plugin install … --scope project by default) and record it, with the dependencies Claude
  installed for it, in plugin-lock.json. User-scope installs are not part of the project: not locked.
  Before Claude Code runs, every plugin to install (dependencies included) is checked against the
  policy, and against the project's plugins for collisions: two plugins defining the same command,
  skill or agent id fail with INSTALL_COLLISION (--allow-collisions accepts it); a command named like a
  Claude Code built-in is a warning. The policy's trust rules (trust.requireSignature, minGrade,
  denySeverities) are checked on the registry's tree when it is local, and always on the tree Claude
  Code installed: a refusal there uninstalls what this run installed. The lock records each tree's
  signer and grade.

mp install --frozen  like npm ci: make Claude Code install exactly the trees plugin-lock.json records,
  even after the registries moved on. Each marketplace is registered as a generated copy that pins every
  locked plugin to its locked git commit (Claude Code's own sha pinning), plugins are installed
  dependencies first, then the digest of what Claude Code put in its cache is recomputed: any
  difference fails with LOCK_INTEGRITY_MISMATCH, naming the files. See
  skills/federation/references/lockfile.md.

Exit 0 on success, 1 when the policy denies a plugin (POLICY_DENIED, SIGNATURE_*), plugins collide
(INSTALL_COLLISION) or a frozen install does not match the lock, 2 when it could not run.`;

async function run(io: CommandIO): Promise<number> {
  const { values, positionals } = parseCliArgs(io.argv.filter((a) => a !== ''), {
    json: { type: 'boolean' }, frozen: { type: 'boolean' }, scope: { type: 'string' }, project: { type: 'string' }, 'allow-collisions': { type: 'boolean' },
  }, USAGE);
  const dir = projectDir(io.cwd, io.env, values.project);
  if (values.frozen) {
    if (positionals.length || values.scope || values['allow-collisions']) throw new MpError('USAGE', `--frozen installs what plugin-lock.json records; it takes no plugins, no --scope and no --allow-collisions\n${USAGE}`, { hint: 'mp install --frozen' });
    const r = await frozenInstall({ env: io.env, projectDir: dir });
    const ok = r.mismatches.length === 0;
    if (values.json) {
      io.stdout(JSON.stringify({ ok, ...(ok ? {} : { code: 'LOCK_INTEGRITY_MISMATCH' }), ...r }, null, 2) + '\n');
    } else {
      for (const [m, d] of Object.entries(r.pinned)) io.stdout(`pinned marketplace ${m} to the locked commits (${d})\n`);
      for (const id of r.installed) io.stdout(`installed ${id}\n`);
      if (ok) io.stdout(`✔ ${r.installed.length + r.unchanged.length} plugins installed exactly as locked in ${r.lockPath} (${r.unchanged.length} already were)\n`);
      else io.stdout([`error [LOCK_INTEGRITY_MISMATCH]: what Claude Code installed differs from ${r.lockPath}`, ...formatDrift(r.mismatches), 'hint: the locked commit no longer gives the locked tree (rewritten history, or a marketplace without commits); check the source, then re-lock deliberately with mp lock'].join('\n') + '\n');
    }
    return ok ? EXIT.OK : EXIT.FAILED;
  }
  if (!positionals.length) throw new MpError('USAGE', `name at least one plugin, or use --frozen\n${USAGE}`, { hint: 'e.g. mp install formatter@acme' });
  const scope = values.scope ?? 'project';
  if (scope !== 'project' && scope !== 'user' && scope !== 'local') throw new MpError('USAGE', `--scope must be project, user or local, got ${scope}`, { hint: 'project (the default) is shared through .claude/settings.json' });
  const r = await installPlugins({ env: io.env, projectDir: dir, queries: positionals, scope, allowCollisions: values['allow-collisions'] === true });
  if (values.json) {
    io.stdout(JSON.stringify({ ok: r.problems.length === 0, ...r }, null, 2) + '\n');
  } else {
    for (const c of r.collisions) io.stdout(`⚠ ${c.message}\n`);
    for (const i of r.installed) io.stdout(`✔ installed ${i.id} (${scope})${i.query !== i.id ? ` for ${i.query}` : ''}${i.addedMarketplace ? `; added marketplace ${i.addedMarketplace}` : ''}\n`);
    for (const t of r.trust) io.stdout(`  ${t.id}: ${t.grade ? `grade ${t.grade} (${t.score})` : 'not graded'}${t.signer ? `, signed by ${t.signer.key ?? `${t.signer.subject} (${t.signer.issuer})`}` : ''}\n`);
    if (r.lockPath) io.stdout(`locked ${r.locked.join(', ') || 'nothing new'} in ${r.lockPath}\n`);
    for (const p of r.problems) io.stdout(`✘ ${p.id}: [${p.code}] ${p.message}${p.hint ? `\n  hint: ${p.hint}` : ''}\n`);
  }
  return r.problems.length === 0 ? EXIT.OK : EXIT.FAILED;
}

const command: CommandModule = { summary: 'Install plugins through Claude Code and lock them (--frozen: exactly as locked)', help, run };
export default command;
