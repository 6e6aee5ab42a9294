/** The directory an archive command extracts into (`tar -x -C dir`, `--directory=dir`, `unzip -d dir`, `7z x -odir`), or null. */
export function extractDir(name: string, args: string[]): string | null {
  if (name === 'unzip') {
    const i = args.indexOf('-d');
    return i >= 0 ? args[i + 1] ?? null : null;
  }
  if (name === '7z') return args.find((a) => a.startsWith('-o') && a.length > 2)?.slice(2) ?? null;
  const extracting = /^-?[a-zA-Z]*x/.test(args[0] ?? '') || args.some((a) => /^-[a-zA-Z]*x/.test(a) || a === '--extract' || a === '--get');
  if (!extracting) return null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-C' || args[i] === '--directory') return args[i + 1] ?? null;
    if (args[i].startsWith('--directory=')) return args[i].slice('--directory='.length);
    if (/^-[a-zA-Z]*C$/.test(args[i]) && args[i].length > 2) return args[i + 1] ?? null;
  }
  return null;
}
