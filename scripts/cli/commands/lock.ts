import type { CommandIO, CommandModule } from '../command.ts';
import { EXIT } from '../../core/exit-codes.ts';
import { MpError } from '../../core/errors.ts';
import { parseCliArgs } from '../parse-cli-args.ts';
import { lockProject } from '../../io/lock-project.ts';
import { projectDir } from '../../io/project-dir.ts';
import type { LockEntry } from '../../lock/types.ts';

const USAGE = 'usage: mp lock [--project <dir>] [--json]';
const help = `${USAGE}

Record in plugin-lock.json (at the project root) every plugin the project enables in
.claude/settings.json or .claude/settings.local.json, as Claude Code installed it: version, registry,
source and resolved git commit, declared dependencies with their ranges and resolved versions, and the
mp1 integrity of the installed tree (with its per-file manifest, so that mp verify can name files),
the signer when the tree's signature verifies under the policy (trust.requireSignature keys and
identities), and the trust grade, score and findings (as mp trust computes them) of a new or changed
tree; an unchanged tree keeps its recorded grade.

The file is written atomically with a stable key order, under a lock (plugin-lock.json.lock) so that
concurrent runs lose no entry. Plugins the project no longer enables are dropped; an enabled plugin
that is not installed keeps its previous entry and is reported.

Exit 0 when every enabled plugin is locked, 1 when some could not be (not installed, or a tree mp
refuses: a symlink out of the tree, a FIFO, …), 2 when mp could not run.`;

async function run(io: CommandIO): Promise<number> {
  const { values, positionals } = parseCliArgs(io.argv.filter((a) => a !== ''), { json: { type: 'boolean' }, project: { type: 'string' } }, USAGE);
  if (positionals.length) throw new MpError('USAGE', `mp lock takes no arguments\n${USAGE}`, { hint: 'mp lock records every plugin the project enables' });
  const dir = projectDir(io.cwd, io.env, values.project);
  const r = await lockProject({ env: io.env, projectDir: dir, prune: true });
  const ok = r.problems.length === 0;
  if (values.json) {
    io.stdout(JSON.stringify({
      ok,
      lockPath: r.lockPath,
      changed: r.changed,
      plugins: r.lock.plugins.map((p) => ({
        id: p.id, version: p.version, scope: p.scope, integrity: p.integrity,
        ...(p.source.commit ? { commit: p.source.commit } : {}),
        ...(p.grade ? { grade: p.grade, score: p.score } : {}),
        ...(p.signer ? { signer: p.signer } : {}),
        ...(r.installPaths[p.id] ? { installPath: r.installPaths[p.id] } : {}),
      })),
      problems: r.problems,
    }, null, 2) + '\n');
  } else {
    io.stdout(`${ok ? '✔' : '✘'} ${r.lock.plugins.length} plugin${r.lock.plugins.length === 1 ? '' : 's'} in ${r.lockPath} (${r.changed ? 'updated' : 'unchanged'})\n`);
    for (const p of r.lock.plugins) io.stdout(`  ${p.id} ${p.version} (${p.scope}) ${p.integrity}${trustNote(p)}\n`);
    for (const p of r.problems) io.stdout(`  ✘ ${p.id}: [${p.code}] ${p.message}${p.hint ? `\n    hint: ${p.hint}` : ''}\n`);
  }
  return ok ? EXIT.OK : EXIT.FAILED;
}

function trustNote(p: LockEntry): string {
  const parts = [...(p.grade ? [`grade ${p.grade}${p.score !== undefined ? ` (${p.score})` : ''}`] : []), ...(p.signer ? [`signed by ${p.signer.key ?? `${p.signer.subject} (${p.signer.issuer})`}`] : [])];
  return parts.length ? ` — ${parts.join(', ')}` : '';
}

const command: CommandModule = { summary: 'Record what the project enables and Claude Code installed in plugin-lock.json', help, run };
export default command;
