// The heavy half of the PostToolUse hook, loaded only for a candidate plugin or marketplace file:
// validate what the edited file belongs to and word the findings for Claude.
import { join } from 'node:path';
import { validateForHook } from '../plugin/validate-for-hook.ts';
import { nodeFsView } from '../io/node-fs-view.ts';
import { postToolUseOutput } from '../devstudio/post-tool-use-output.ts';

/** The hook's stdout line for an edit of `file`, or null when there is nothing to say. */
export function checkEditedFile(file: string): string | null {
  const report = validateForHook(file, nodeFsView());
  if (report === null) return null; // not inside a plugin or marketplace after all
  // The findings tell Claude how to re-check by hand: with this plugin's own CLI bundle (mp is not on PATH).
  // Bundled, this module sits in dist/hooks/ beside the entry; from source it is scripts/hooks/ (no mp.js there).
  const mpJs = join(import.meta.dirname, '../mp.js');
  const out = postToolUseOutput(report, file, { mpJs });
  return out === null ? null : JSON.stringify(out);
}
