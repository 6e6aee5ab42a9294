import type { CommandIO, CommandModule } from '../command.ts';
import { MpError } from '../../core/errors.ts';
import { isSignatureMode, runSignatureMode, SIGNATURE_MODE_HELP } from './verify-signature-mode.ts';

/**
 * mp verify has two modes:
 *  - signature mode, `mp verify <plugin-dir>` (a directory with .claude-plugin/, or --trusted-key /
 *    --identity given): verify-signature-mode.ts, owned by the sigstore engineer;
 *  - project mode, `mp verify` with no path: verify what Claude Code installed against
 *    plugin-lock.json. It belongs HERE too and is owned by the lock-verify engineer (not written yet).
 */
const help = `mp verify: check plugins against their signatures and the lockfile

${SIGNATURE_MODE_HELP}`;

async function run(io: CommandIO): Promise<number> {
  if (isSignatureMode(io.argv, io.cwd)) return runSignatureMode(io);
  throw new MpError('USAGE', 'mp verify without a plugin directory (project mode) is not available in this build', {
    hint: 'pass a plugin directory (one containing .claude-plugin/) to verify its signature',
  });
}

const command: CommandModule = { summary: 'Verify plugin signatures (and, in a project, the lockfile)', help, run };
export default command;
