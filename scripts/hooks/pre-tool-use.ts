// PreToolUse hook (matcher Bash): deny `claude plugin install|update|enable` and `claude plugin marketplace
// add` commands that the plugin policy forbids, with the deciding rule as the reason. Fast path first: a
// command that does not mention "plugin" (after removing quotes and backslashes, which the shell would)
// exits before anything else loads. Policy fails closed: once a policy exists, anything that prevents
// evaluating it denies the plugin-changing command; with no policy at all there is nothing to enforce.
import { readStdin } from '../io/read-stdin.ts';

const MAX_EVENT_BYTES = 16 * 1024 * 1024;

function bashCommand(text: string): string | null {
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    return null;
  }
  const e = event as { tool_name?: unknown; tool_input?: { command?: unknown } };
  return e?.tool_name === 'Bash' && typeof e.tool_input?.command === 'string' ? e.tool_input.command : null;
}

function deny(reason: string): string {
  return JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: reason } });
}

let changing = false;

async function run(): Promise<string | null> {
  const text = readStdin(MAX_EVENT_BYTES);
  if (text === null) return null;
  const command = bashCommand(text);
  if (command === null || !command.replace(/[\\'"]/g, '').includes('plugin')) return null;
  const { parsePluginCommands } = await import('../policy/parse-plugin-commands.ts');
  const ops = parsePluginCommands(command);
  if (ops.length === 0) return null;
  changing = true;
  const { guardPluginCommands } = await import('../io/guard-plugin-commands.ts');
  const cwd = (JSON.parse(text) as { cwd?: unknown }).cwd;
  const verdict = await guardPluginCommands(ops, { cwd: typeof cwd === 'string' ? cwd : process.cwd(), env: process.env });
  return verdict.deny ? deny(`${verdict.rule}: ${verdict.reason}`) : null;
}

try {
  const out = await run();
  if (out !== null) process.stdout.write(out + '\n');
} catch (e) {
  // A plugin-changing command whose verdict could not be reached is denied (fail closed); anything else passes.
  if (changing) process.stdout.write(deny(`policy.unavailable: the plugin policy hook failed (${e instanceof Error ? e.message : String(e)})`) + '\n');
}
process.exitCode = 0;
