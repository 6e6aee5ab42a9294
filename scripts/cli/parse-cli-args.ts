import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MpError } from '../core/errors.ts';

/** node:util parseArgs (strict), with its errors turned into a USAGE MpError that names the command's usage line. */
export function parseCliArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new MpError('USAGE', `${e instanceof Error ? e.message : String(e)}\n${usage}`, { hint: 'see --help for the options' });
  }
}
