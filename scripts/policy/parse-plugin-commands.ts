import { splitShellCommand } from './split-shell-command.ts';

/** A plugin-changing Claude Code CLI invocation found in a Bash command. `target` null: present but unreadable. */
export interface PluginOp {
  op: 'install' | 'update' | 'enable' | 'marketplace-add';
  target: string | null;
  /** The words of the simple command it was found in. */
  words: string[];
  /** True when the program was not literally claude but could be (`$CLAUDE plugin install x`). */
  indirect: boolean;
}

const WRAPPERS = new Set(['sudo', 'env', 'command', 'exec', 'nohup', 'time', 'nice', 'timeout', 'stdbuf', 'xargs', 'doas']);
const RUNNERS = new Set(['npx', 'bunx', 'pnpx']);
const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'fish']);
/** Programs that run a string argument as a command line. */
const EXECUTORS = new Set([...SHELLS, 'eval', 'su', 'ssh', 'watch', 'script', 'flock', 'pwsh', 'tmux', 'screen']);
const VALUE_OPTIONS = new Set(['-s', '--scope', '--config']);

/**
 * Find `claude plugin install|i|update|enable` and `claude plugin marketplace add` in a Bash command:
 * through `&&`/`;`/pipes, env assignments and wrappers (sudo, env, timeout…), `npx @anthropic-ai/claude-code`,
 * `claude plugins …`, quoted words, `$(…)`, and command lines given to a shell (`bash -c '…'`, `eval`,
 * `ssh host '…'`, or text piped into `sh`). A program word that is a variable or substitution and is
 * followed by `plugin <verb>` counts (fail closed on what cannot be read).
 */
export function parsePluginCommands(command: string, depth = 0): PluginOp[] {
  const ops: PluginOp[] = [];
  const commands = splitShellCommand(command);
  // `echo '…' | sh` runs text: then every word may be a command line.
  const shellReadsStdin = commands.some((ws) => {
    const i = programIndex(ws);
    return i < ws.length && SHELLS.has(basename(ws[i])) && !ws.slice(i + 1).some((w) => !w.startsWith('-'));
  });
  for (const words of commands) {
    const i = programIndex(words);
    const executes = i < words.length && EXECUTORS.has(basename(words[i]));
    words.forEach((w, k) => {
      if (depth < 3 && /\s/.test(w) && (executes || shellReadsStdin || words[k - 1] === '-c')) ops.push(...parsePluginCommands(w, depth + 1));
    });
    const op = readSimpleCommand(words, i);
    if (op) ops.push(op);
  }
  return ops;
}

/** Index of the program word: after `NAME=value` assignments, wrappers (sudo, env…) and npx-like runners. */
function programIndex(all: string[]): number {
  let i = 0;
  const skipAssignments = () => { while (i < all.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(all[i])) i++; };
  skipAssignments();
  for (let guard = 0; guard < 8 && i < all.length; guard++) {
    const prog = basename(all[i]);
    if (WRAPPERS.has(prog)) {
      i++;
      while (i < all.length && (all[i].startsWith('-') || /^\d+[smhd]?$/.test(all[i]))) i += ['-u', '-g', '-n', '-C'].includes(all[i]) ? 2 : 1;
      skipAssignments();
      continue;
    }
    if (prog === 'pnpm' || prog === 'yarn' || prog === 'bun') {
      if (all[i + 1] === 'dlx' || all[i + 1] === 'x' || all[i + 1] === 'exec') { i += 2; continue; }
    }
    if (RUNNERS.has(prog)) {
      i++;
      while (i < all.length && all[i].startsWith('-')) i += all[i] === '-p' || all[i] === '--package' ? 2 : 1;
      continue;
    }
    break;
  }
  return i;
}

function readSimpleCommand(all: string[], i: number): PluginOp | null {
  if (i >= all.length) return null;
  const prog = all[i];
  const isClaude = ['claude', 'claude.exe'].includes(basename(prog)) || /^@anthropic-ai\/claude-code(@[^/\s]*)?$/.test(prog);
  const indirect = !isClaude && /[$`]/.test(prog);
  if (!isClaude && !indirect) return null;
  const words = all.slice(i);
  const p = words.findIndex((w, k) => k > 0 && (w === 'plugin' || w === 'plugins'));
  if (p < 0) return null;
  const rest = words.slice(p + 1);
  const verb = rest[0];
  if (verb === 'install' || verb === 'i' || verb === 'update' || verb === 'enable') {
    return { op: verb === 'i' ? 'install' : verb, target: firstPositional(rest.slice(1)), words, indirect };
  }
  if (verb === 'marketplace' && rest[1] === 'add') return { op: 'marketplace-add', target: firstPositional(rest.slice(2)), words, indirect };
  return null;
}

/** The first argument that is not an option or an option's value (`--sparse` takes values up to the next option). */
function firstPositional(args: string[]): string | null {
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '--') return args[k + 1] ?? null;
    if (a === '--sparse') {
      while (k + 1 < args.length && !args[k + 1].startsWith('-')) k++;
      continue;
    }
    if (VALUE_OPTIONS.has(a)) { k++; continue; }
    if (a.startsWith('-')) continue;
    return a;
  }
  return null;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
