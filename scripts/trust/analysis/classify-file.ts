export type FileLang = 'shell' | 'js' | 'ts' | 'python' | 'markdown' | 'json' | 'text';
export type FileClass = { kind: 'binary'; executable: string | null } | { kind: 'text'; lang: FileLang; text: string };

const EXT: Record<string, FileLang> = {
  sh: 'shell', bash: 'shell', zsh: 'shell', ksh: 'shell', command: 'shell',
  js: 'js', mjs: 'js', cjs: 'js', jsx: 'js',
  ts: 'ts', mts: 'ts', cts: 'ts', tsx: 'ts',
  py: 'python', pyw: 'python',
  md: 'markdown', mdx: 'markdown', markdown: 'markdown',
  json: 'json',
};
const EXEC_EXT = /\.(node|so|dylib|dll|exe|jar|class|pyc|pyo|wasm|dex|apk|msi|bin\.exe)$/i;

/**
 * Text or binary, and which language a text file is in (extension first, then a `#!` line; files in bin/
 * without one are taken as shell, since they end up on PATH). Binaries that are native code or bytecode
 * are named (P2); other binary data (images, fonts) is ignored.
 */
export function classifyFile(path: string, bytes: Uint8Array): FileClass {
  const head = bytes.subarray(0, 8000);
  const magic = executableMagic(bytes);
  if (magic || EXEC_EXT.test(path)) return { kind: 'binary', executable: magic ?? path.slice(path.lastIndexOf('.')) };
  if (head.includes(0)) return { kind: 'binary', executable: null };
  const text = Buffer.from(bytes).toString('utf8');
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  let lang: FileLang = (ext && EXT[ext]) || 'text';
  if (lang === 'text') {
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
    const interp = shebang ? (/\/env$/.test(shebang[1]) ? shebang[2] ?? '' : shebang[1]) : '';
    if (/(^|\/)(ba|z|k|da|a)?sh$/.test(interp)) lang = 'shell';
    else if (/(^|\/)(node|nodejs|bun|deno|tsx|ts-node)$/.test(interp)) lang = 'js';
    else if (/(^|\/)python[\d.]*$/.test(interp)) lang = 'python';
    else if (/^bin\/[^/]+$/.test(path) && !ext) lang = 'shell';
  }
  return { kind: 'text', lang, text };
}

function executableMagic(b: Uint8Array): string | null {
  if (b.length < 4) return null;
  const m = (...xs: number[]): boolean => xs.every((x, i) => b[i] === x);
  if (m(0x7f, 0x45, 0x4c, 0x46)) return 'ELF executable';
  if (m(0xfe, 0xed, 0xfa, 0xce) || m(0xfe, 0xed, 0xfa, 0xcf) || m(0xce, 0xfa, 0xed, 0xfe) || m(0xcf, 0xfa, 0xed, 0xfe)) return 'Mach-O executable';
  if (m(0xca, 0xfe, 0xba, 0xbe)) return 'Mach-O universal binary or Java class';
  if (m(0x00, 0x61, 0x73, 0x6d)) return 'WebAssembly module';
  if (m(0x4d, 0x5a) && b.length >= 64) {
    const off = b[60] | (b[61] << 8) | (b[62] << 16) | (b[63] << 24);
    if (off > 0 && off + 4 <= b.length && b[off] === 0x50 && b[off + 1] === 0x45 && b[off + 2] === 0 && b[off + 3] === 0) return 'Windows PE executable';
  }
  return null;
}
