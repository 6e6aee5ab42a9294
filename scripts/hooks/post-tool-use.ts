// PostToolUse hook (matcher Write|Edit|MultiEdit): after Claude writes a file that belongs to a plugin or a
// marketplace, validate the enclosing plugin/marketplace and tell Claude what is broken.
// Fast path first: the decision comes from the event's file path (string checks); the validator is
// dynamic-imported only for candidate files. Lint fails open: always exit 0, never a stack trace.
import { fileURLToPath } from 'node:url';
import { readStdin } from '../io/read-stdin.ts';
import { editedFile } from '../devstudio/edited-file.ts';
import { isPluginFile } from '../devstudio/is-plugin-file.ts';

/** A Write event carries the whole file content; past this size the event is skipped, not buffered. */
const MAX_EVENT_BYTES = 64 * 1024 * 1024;

async function run(): Promise<string | null> {
  const text = readStdin(MAX_EVENT_BYTES);
  if (text === null) return null;
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    return null; // not an event we understand: stay silent
  }
  const file = editedFile(event);
  if (file === null || !isPluginFile(file)) return null;

  const [{ validateForHook }, { nodeFsView }, { postToolUseOutput }] = await Promise.all([
    import('../plugin/validate-for-hook.ts'),
    import('../io/node-fs-view.ts'),
    import('../devstudio/post-tool-use-output.ts'),
  ]);
  const report = validateForHook(file, nodeFsView());
  if (report === null) return null; // not inside a plugin or marketplace after all
  // The findings tell Claude how to re-check by hand: with this plugin's own CLI bundle (mp is not on PATH).
  const mpJs = fileURLToPath(new URL('../mp.js', import.meta.url));
  const out = postToolUseOutput(report, file, { mpJs });
  return out === null ? null : JSON.stringify(out);
}

try {
  const out = await run();
  if (out !== null) process.stdout.write(out + '\n');
} catch (e) {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : 'INTERNAL';
  process.stdout.write(JSON.stringify({ systemMessage: `mp validate hook skipped this file (${code}); run mp validate to check it` }) + '\n');
}
process.exitCode = 0;
