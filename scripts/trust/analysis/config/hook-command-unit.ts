import type { Unit } from '../model.ts';
import type { ScanContext } from '../scan-context.ts';

/** Scan a command line that lives in a one-line config value (hooks.json, .mcp.json, frontmatter) at `line`. */
export function commandUnit(command: string, line: number, origin: Unit['origin'], ctx: ScanContext): Unit {
  const sub: ScanContext = { ...ctx, line0: line, fixedLine: true, via: [], depth: ctx.depth + 1 };
  return { file: ctx.file, origin, effects: ctx.scanners.shell(command, sub) };
}

/** An exec-form command (`command` + `args`, no shell) as a shell line with every word quoted. */
export function quoteArgv(argv: string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./${}-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
