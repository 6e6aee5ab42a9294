import { COMMANDS } from './registry.ts';
import { EXIT } from '../core/exit-codes.ts';
import { formatError, isMpError } from '../core/errors.ts';
import type { CommandIO } from './command.ts';

const VERSION = '0.1.0';

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const rows = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return [
    'mp: marketplace-pro, safe and smart Claude Code plugin marketplaces',
    '',
    'usage: mp <command> [options]     (mp <command> --help for its options)',
    '',
    'commands:',
    ...rows,
    '',
    'every command takes --json for machine-readable output.',
    'exit codes: 0 ok · 1 the check failed (findings, drift, denial) · 2 could not run (usage, I/O, internal error)',
  ].join('\n');
}

export async function main(argv: string[], io: Omit<CommandIO, 'argv'>): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage() + '\n');
    return name ? EXIT.OK : EXIT.ERROR;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(VERSION + '\n');
    return EXIT.OK;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr(`error [USAGE]: unknown command '${name}'\nhint: run mp --help to list the commands\n`);
    return EXIT.ERROR;
  }
  const json = rest.includes('--json');
  try {
    const mod = (await entry.load()).default;
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(mod.help.trimEnd() + '\n');
      return EXIT.OK;
    }
    return await mod.run({ ...io, argv: rest });
  } catch (e) {
    if (isMpError(e)) {
      if (json) io.stdout(JSON.stringify({ ok: false, error: e.toJSON() }, null, 2) + '\n');
      else io.stderr(formatError(e) + '\n');
      return e.exitCode;
    }
    const msg = e instanceof Error ? e.stack ?? e.message : String(e);
    if (json) io.stdout(JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: String(e) } }, null, 2) + '\n');
    else io.stderr(`error [INTERNAL]: ${msg}\nhint: this is a bug in mp; please report it with the command you ran\n`);
    return EXIT.ERROR;
  }
}

