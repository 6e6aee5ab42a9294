import { createHash } from 'node:crypto';
import { MpError } from '../core/errors.ts';
import { symlinkStaysInside } from './symlink-stays-inside.ts';
import type { TreeFs, TreeStat } from './tree-fs.ts';

/**
 * Scheme "mp1" (anchors.md §2): the integrity of a whole plugin tree, as Claude Code installed it.
 *  - lstat walk, symlinks never followed: a symlink is an entry whose target string is hashed;
 *  - one manifest line per entry, `"<f|x|l> <hex sha256>  <posix path>\n"`, sorted by the UTF-8 bytes
 *    of the path (not JS string order, which differs for astral characters);
 *  - integrity = "sha256-" + base64(sha256(manifest)), SRI-shaped.
 * File modes beyond "any execute bit", timestamps and owners stay out, so the digest is the same on
 * every machine; the exec bit stays in because hook scripts are run directly.
 */
export interface TreeEntry { path: string; type: 'f' | 'x' | 'l'; sha256: string }
export interface TreeDigest { integrity: string; algorithm: 'mp1'; entries: TreeEntry[]; problems?: TreeProblem[] }
/** A rule the tree breaks, collected instead of thrown when `strict: false`. */
export interface TreeProblem { path: string; code: string; message: string }

export interface TreeDigestOptions {
  maxDepth?: number;
  maxEntries?: number;
  /**
   * true (default): the first broken rule throws. false (what `mp verify` uses on an installed tree that
   * may have been tampered with): escaping symlinks, bad names and case collisions are still hashed as
   * entries and special files skipped, each listed in `problems`, so that every change can be named.
   */
  strict?: boolean;
}

/** Top-level names that are never part of the tree: git metadata and Claude Code's cache bookkeeping. */
export const EXCLUDED_TOP_LEVEL: ReadonlySet<string> = new Set(['.git', '.in_use', '.orphaned_at']);
/** Excluded so that a plugin can carry its own signature without it being part of what is signed. */
export const SIGNATURE_PATH = '.claude-plugin/signature.sigstore.json';

export function computeTreeDigest(root: string, fs: TreeFs, opts: TreeDigestOptions = {}): TreeDigest {
  const maxDepth = opts.maxDepth ?? 64;
  const maxEntries = opts.maxEntries ?? 100_000;
  const rootStat = io(root, '', () => fs.lstat(root));
  if (!rootStat || rootStat.kind !== 'dir') {
    throw new MpError('TREE_NOT_A_DIRECTORY', `could not digest ${root} — it is ${rootStat ? `a ${rootStat.kind}` : 'missing'}; expected a directory`, {
      hint: 'pass the plugin directory (for an installed plugin, its installPath in installed_plugins.json)',
    });
  }
  const entries: TreeEntry[] = [];
  const problems: TreeProblem[] = [];
  const strict = opts.strict ?? true;
  const report = (path: string, e: unknown): void => {
    if (strict || !(e instanceof MpError) || !RECORDABLE.has(e.code)) throw e;
    problems.push({ path, code: e.code, message: e.message });
  };
  const walk = (dirRel: string, depth: number): void => {
    if (depth > maxDepth) throw new MpError('TREE_TOO_DEEP', `could not digest ${root} — ${dirRel} is nested deeper than ${maxDepth} directories`, { hint: 'flatten the plugin tree' });
    const dirAbs = dirRel ? `${root}/${dirRel}` : root;
    const names = io(root, dirRel, () => fs.readdir(dirAbs)).sort(); // a stable walk: problems are reported the same way everywhere
    const folded = new Map<string, string>();
    for (const name of names) {
      const rel = dirRel ? `${dirRel}/${name}` : name;
      if (!dirRel && EXCLUDED_TOP_LEVEL.has(name)) continue;
      if (rel === SIGNATURE_PATH) continue;
      try { checkName(root, rel, name); } catch (e) { report(rel, e); }
      const key = name.toUpperCase().toLowerCase();
      const clash = folded.get(key);
      if (clash !== undefined) {
        report(rel, new MpError('TREE_CASE_COLLISION', `could not digest ${root} — ${rel} and ${dirRel ? `${dirRel}/` : ''}${clash} differ only by case`, {
          hint: 'rename one of them: they would overwrite each other on macOS and Windows',
        }));
      }
      folded.set(key, name);
      const abs = `${root}/${rel}`;
      const st = io(root, rel, () => fs.lstat(abs));
      if (!st) throw new MpError('TREE_UNREADABLE', `could not digest ${root} — ${rel} vanished while it was read`, { hint: 'retry when nothing is writing to the tree' });
      if (st.kind === 'dir') { walk(rel, depth + 1); continue; }
      if (entries.length >= maxEntries) throw new MpError('TREE_TOO_LARGE', `could not digest ${root} — more than ${maxEntries} entries`, { hint: 'a plugin this large is not supported' });
      try { entries.push(entryOf(root, rel, abs, st, fs, strict ? undefined : (e) => report(rel, e))); } catch (e) { report(rel, e); }
    }
  };
  walk('', 0);
  const sorted = entries.map((e) => ({ e, key: Buffer.from(e.path, 'utf8') })).sort((a, b) => Buffer.compare(a.key, b.key)).map((x) => x.e);
  const manifest = formatManifest(sorted);
  const integrity = `sha256-${createHash('sha256').update(manifest, 'utf8').digest('base64')}`;
  return problems.length ? { integrity, algorithm: 'mp1', entries: sorted, problems } : { integrity, algorithm: 'mp1', entries: sorted };
}

/** The manifest text whose sha256 is the integrity (entries must already be sorted). */
export function formatManifest(entries: readonly TreeEntry[]): string {
  let out = '';
  for (const e of entries) out += `${e.type} ${e.sha256}  ${e.path}\n`;
  return out;
}

const RECORDABLE = new Set(['TREE_SYMLINK_ESCAPES', 'TREE_SPECIAL_FILE', 'TREE_BAD_NAME', 'TREE_CASE_COLLISION']);

function entryOf(root: string, rel: string, abs: string, st: TreeStat, fs: TreeFs, lenient?: (e: MpError) => void): TreeEntry {
  if (st.kind === 'file') {
    const sha256 = io(root, rel, () => fs.sha256File(abs, st));
    return { path: rel, type: (st.mode & 0o111) !== 0 ? 'x' : 'f', sha256 };
  }
  if (st.kind === 'symlink') {
    const target = io(root, rel, () => fs.readlink(abs));
    // Threat: a plugin shipping `hooks/x -> ~/.ssh/id_rsa` or `../../other-plugin`. We never follow
    // links, and refuse any that would lead a consumer out of the tree.
    const why = symlinkStaysInside(rel, target, (p) => io(root, p, () => fs.lstat(`${root}/${p}`)), (p) => io(root, p, () => fs.readlink(`${root}/${p}`)));
    if (why) {
      const what = why === 'loop' ? 'loops' : why === 'absolute' ? 'is absolute' : 'leads outside the tree';
      const err = new MpError('TREE_SYMLINK_ESCAPES', `could not digest ${root} — symlink ${rel} -> ${truncateTarget(target)} ${what}`, {
        hint: 'make the link relative and pointing inside the plugin, or replace it with the file itself',
      });
      if (!lenient) throw err;
      lenient(err); // recorded, and still hashed as a link so that the change is named
    }
    return { path: rel, type: 'l', sha256: createHash('sha256').update(target, 'utf8').digest('hex') };
  }
  throw new MpError('TREE_SPECIAL_FILE', `could not digest ${root} — ${rel} is not a regular file, directory or symlink (FIFO, socket or device)`, {
    hint: 'remove it from the plugin tree',
  });
}

function checkName(root: string, rel: string, name: string): void {
  const bad = /[\n\r]/.test(name) ? 'contains a line break'
    : name.includes('\uFFFD') ? 'is not valid UTF-8'
    : name.normalize('NFC') !== name ? 'is not in Unicode NFC form'
    : null;
  if (bad) throw new MpError('TREE_BAD_NAME', `could not digest ${root} — the name ${JSON.stringify(rel)} ${bad}`, { hint: 'rename the file' });
}

function io<T>(root: string, rel: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof MpError) throw e;
    const code = (e as { code?: string }).code ?? 'EIO';
    throw new MpError('TREE_UNREADABLE', `could not digest ${root} — ${rel || '.'}: ${code}`, { hint: 'check the permissions of the plugin tree', cause: e });
  }
}

function truncateTarget(t: string): string {
  return t.length > 120 ? `${t.slice(0, 120)}…` : t;
}
