import { baseName, DECODERS } from './commands.ts';

/** Does this argv print decoded data (base64 -d, xxd -r, openssl -d, rev, gunzip, tr rot13…)? */
export function isDecoder(argv: string[]): boolean {
  const name = baseName(argv[0] ?? '');
  if (!DECODERS.has(name)) return false;
  const args = argv.slice(1);
  if (name === 'base64' || name === 'base32' || name === 'basenc') return args.some((a) => /^(-d|-D|--decode|-[a-zA-Z]*d[a-zA-Z]*)$/.test(a));
  if (name === 'xxd') return args.some((a) => /^-r/.test(a) || a === '-revert');
  if (name === 'openssl') return args.some((a) => a === '-d' || a === '-base64' || a === 'base64' || a === '-a');
  if (name === 'rev' || name === 'uudecode' || name === 'gunzip' || name === 'zcat') return true;
  if (name === 'gzip') return args.includes('-d') || args.includes('--decompress');
  if (name === 'tr') return args.length === 2 && /n-z|N-Z/.test(args.join(' '));
  return false;
}
