import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Load a CommonJS bundle with a V8 code cache kept in `cacheDir`, for a hook that runs once per edit:
 * most of the validator's one-shot cost is compiling code (the bundle, then each function on first
 * call), and Node 20 keeps no compile cache of its own. The cache is keyed by the bundle file's size,
 * mtime, ctime and inode (ctime cannot be set back by a user) and the Node version, so a changed bundle
 * never runs stale code (V8 itself only checks the source length); V8 rejects a cache made under other
 * flags, and a rejected or missing one is rewritten. (Hashing the source would need node:crypto, whose
 * loading costs more than the rest of this together.)
 * Sibling `./x.cjs` bundles the loaded code requires are loaded the same way. Call `save()` after the
 * work is done, so that the cache holds the functions the work compiled. Without `cacheDir` this is a
 * plain require. Cache failures of any kind only cost speed.
 */
export function loadCjsCached(file: string, cacheDir: string | null): { exports: Record<string, unknown>; save(): void } {
  const nodeRequire = createRequire(file);
  if (cacheDir === null) return { exports: nodeRequire(file) as Record<string, unknown>, save: () => undefined };
  const pending: Array<() => void> = [];
  const load = (abs: string): unknown => {
    const source = readFileSync(abs, 'utf8');
    const name = basename(abs, '.cjs');
    const st = statSync(abs, { bigint: true });
    const key = fnv1a(`${process.version} ${process.arch} ${st.size} ${st.mtimeNs} ${st.ctimeNs} ${st.ino} ${source.length}`);
    const cacheFile = join(cacheDir, `v8-${name}-${key}.bin`);
    let cachedData: Buffer | undefined;
    try { cachedData = readFileSync(cacheFile); } catch { /* first run */ }
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: abs, cachedData });
    const module = { exports: {} as Record<string, unknown> };
    const near = createRequire(abs);
    const req = (id: string): unknown => (/^\.\/[\w-]+\.cjs$/.test(id) ? load(join(dirname(abs), id)) : near(id));
    (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, req, module, abs, dirname(abs));
    if (cachedData === undefined || script.cachedDataRejected === true) pending.push(() => writeCache(cacheDir, name, cacheFile, script.createCachedData()));
    return module.exports;
  };
  const exports = load(file) as Record<string, unknown>;
  return { exports, save: () => { for (const p of pending.splice(0)) p(); } };
}

/** Write atomically (temp file, rename), dropping this bundle's caches for other versions. */
function writeCache(dir: string, name: string, file: string, data: Buffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(dir)) if (f.startsWith(`v8-${name}-`) && join(dir, f) !== file) rmSync(join(dir, f), { force: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch { /* a cache that cannot be written only costs speed */ }
}

/** 64-bit FNV-1a of a short string, as 16 hex digits: a file-name key, not a security boundary. */
function fnv1a(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}
