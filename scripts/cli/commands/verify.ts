import type { CommandIO, CommandModule } from '../command.ts';
import { PROJECT_MODE_HELP, runProjectMode } from './verify-project-mode.ts';
import { isSignatureMode, runSignatureMode, SIGNATURE_MODE_HELP } from './verify-signature-mode.ts';

/**
 * mp verify has two modes:
 *  - signature mode, `mp verify <plugin-dir>` (a directory with .claude-plugin/, or --trusted-key /
 *    --identity given): verify-signature-mode.ts, owned by the sigstore engineer;
 *  - project mode, `mp verify` with no path: verify what Claude Code installed against
 *    plugin-lock.json: verify-project-mode.ts, owned by the lock-verify engineer.
 */
const help = `mp verify: check plugins against their signatures and the lockfile

${PROJECT_MODE_HELP}

${SIGNATURE_MODE_HELP}`;

async function run(io: CommandIO): Promise<number> {
  // Slash commands pass `$ARGUMENTS""`: an empty argument means "none" (not the cwd as a plugin dir).
  const args = { ...io, argv: io.argv.filter((a) => a !== '') };
  if (isSignatureMode(args.argv, args.cwd)) return runSignatureMode(args);
  return runProjectMode(args);
}

const command: CommandModule = { summary: 'Verify plugin signatures (and, in a project, the lockfile)', help, run };
export default command;
