// PostToolUse hook (matcher Write|Edit|MultiEdit): after Claude writes a file that belongs to a plugin or a
// marketplace, validate the enclosing plugin/marketplace and tell Claude what is broken.
// Fast path first: the decision comes from the event's file path (string checks); the validator is
// loaded only for candidate files. The build emits this entry as a small CommonJS file (no ESM loader
// start-up on the path every edit takes) and the heavy half (post-tool-use-check.ts) as a CommonJS bundle
// of its own, required only when needed. Lint fails open: always exit 0, never a stack trace.
import { isAbsolute, join } from 'node:path';
import { readStdin } from '../io/read-stdin.ts';
import { editedFile } from '../devstudio/edited-file.ts';
import { isPluginFile } from '../devstudio/is-plugin-file.ts';
import { writeStdout } from '../io/write-stdout.ts';

/** A Write event carries the whole file content; past this size the event is skipped, not buffered. */
const MAX_EVENT_BYTES = 64 * 1024 * 1024;

/** The edited file when it may belong to a plugin or marketplace; null for everything else. */
function candidate(): string | null {
  const text = readStdin(MAX_EVENT_BYTES);
  if (text === null) return null;
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    return null; // not an event we understand: stay silent
  }
  const file = editedFile(event);
  return file === null || !isPluginFile(file) ? null : file;
}

function skipped(e: unknown): void {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : 'INTERNAL';
  try {
    writeStdout(JSON.stringify({ systemMessage: `mp validate hook skipped this file (${code}); run mp validate to check it` }) + '\n');
  } catch { /* stdout is gone (EPIPE): nobody is listening */ }
}

/** Set to true by the build in the CommonJS bundle; undefined when this runs from source. */
declare const MP_CJS_BUNDLE: boolean | undefined;

type Check = typeof import('./post-tool-use-check.ts').checkEditedFile;

/**
 * The heavy half. Bundled, it is loaded with a V8 code cache in the plugin's data directory (Claude Code
 * sets CLAUDE_PLUGIN_DATA for plugin hooks): compiling the validator is most of its cost on each edit.
 */
async function loadCheck(): Promise<{ check: Check; save(): void }> {
  if (typeof MP_CJS_BUNDLE !== 'undefined') {
    const { loadCjsCached } = await import('../io/load-cjs-cached.ts');
    const data = process.env.CLAUDE_PLUGIN_DATA;
    const loaded = loadCjsCached(join(import.meta.dirname, 'post-tool-use-check.cjs'), data && isAbsolute(data) ? join(data, 'v8-cache') : null);
    return { check: loaded.exports.checkEditedFile as Check, save: loaded.save };
  }
  const { checkEditedFile } = await import('./post-tool-use-check.ts');
  return { check: checkEditedFile, save: () => undefined };
}

// No top-level await: the bundle is CommonJS. The unrelated-file path ends synchronously.
process.exitCode = 0;
try {
  const file = candidate();
  if (file !== null) {
    loadCheck()
      .then(({ check, save }) => {
        const out = check(file);
        if (out !== null) writeStdout(out + '\n');
        save();
      })
      .catch(skipped);
  }
} catch (e) {
  skipped(e);
}
