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
 * The heavy half. Bundled, it is loaded with a V8 code cache (codeCacheDir): compiling the validator is
 * most of its cost on each edit.
 */
async function loadCheck(): Promise<{ check: Check; save(): void }> {
  if (typeof MP_CJS_BUNDLE !== 'undefined') {
    const { loadCjsCached } = await import('../io/load-cjs-cached.ts');
    const loaded = loadCjsCached(join(import.meta.dirname, 'post-tool-use-check.cjs'), codeCacheDir(process.env));
    return { check: loaded.exports.checkEditedFile as Check, save: loaded.save };
  }
  const { checkEditedFile } = await import('./post-tool-use-check.ts');
  return { check: checkEditedFile, save: () => undefined };
}

/**
 * Where the code cache lives: the plugin's data directory inside Claude Code; elsewhere (the hook run by
 * hand, or by another tool) the user cache, beside mp's registry cache ($XDG_CACHE_HOME or ~/.cache).
 * MP_CODE_CACHE=0 turns it off.
 */
function codeCacheDir(env: NodeJS.ProcessEnv): string | null {
  if (env.MP_CODE_CACHE === '0') return null; // measuring a first run (bench), or a read-only home
  const data = env.CLAUDE_PLUGIN_DATA;
  if (data && isAbsolute(data)) return join(data, 'v8-cache');
  const cache = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : env.HOME && isAbsolute(env.HOME) ? join(env.HOME, '.cache') : null;
  return cache === null ? null : join(cache, 'marketplace-pro', 'v8-cache');
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
