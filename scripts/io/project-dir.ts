import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { MpError } from '../core/errors.ts';

/**
 * The project mp works on: --project, else $CLAUDE_PROJECT_DIR (inside Claude Code), else the cwd; as a
 * real path, because that is what Claude Code records as projectPath in installed_plugins.json.
 */
export function projectDir(cwd: string, env: Record<string, string | undefined>, flag?: string): string {
  const dir = resolve(cwd, flag ?? env.CLAUDE_PROJECT_DIR ?? cwd);
  try {
    return realpathSync(dir);
  } catch {
    throw new MpError('PROJECT_NOT_FOUND', `project directory ${dir} does not exist`, { hint: 'run mp from the project root or pass --project <dir>' });
  }
}
