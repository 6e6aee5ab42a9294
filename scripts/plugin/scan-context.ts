import { isAbsolute, relative } from 'node:path';
import type { FsView } from './fs-view.ts';
import type { ExtraFinding } from './report.ts';
import { readText, type TextRead } from './read-text.ts';

/**
 * What one validation run shares: the file view, the tree it may read, and the findings beyond Claude's
 * own report. Reads go through `readInside`: a symlink that leads out of the tree is never followed, since
 * a hostile plugin could point `SKILL.md` at `~/.ssh/id_rsa` and have its text echoed in an error.
 */
export interface ScanContext {
  fs: FsView;
  /** The plugin or marketplace root, as given. */
  root: string;
  /** Its real path (null when it cannot be resolved: then nothing is treated as outside). */
  rootReal: string | null;
  extra: ExtraFinding[];
}

export function scanContext(fs: FsView, root: string): ScanContext {
  return { fs, root, rootReal: fs.realpath(root), extra: [] };
}

/** Read a file unless its real path leaves the tree (code OUTSIDE_ROOT, and a `load` finding is recorded). */
export function readInside(ctx: ScanContext, abs: string, limit?: number): TextRead {
  const real = ctx.rootReal === null ? null : ctx.fs.realpath(abs);
  if (real !== null && ctx.rootReal !== null && isOutside(ctx.rootReal, real)) {
    if (!ctx.extra.some((f) => f.rule === 'load/symlink-outside-root' && f.file === abs)) {
      ctx.extra.push({
        rule: 'load/symlink-outside-root',
        level: 'load',
        severity: 'warning',
        file: abs,
        message: `not read: this path leads outside the plugin root (to ${real}), so mp skipped the checks claude plugin validate would run on it`,
        hint: 'replace the symlink with the file itself, or point it at a file inside the plugin',
      });
    }
    return { ok: false, code: 'OUTSIDE_ROOT', message: `symlink leads outside the plugin root: '${abs}'` };
  }
  return readText(ctx.fs, abs, limit);
}

function isOutside(rootReal: string, real: string): boolean {
  const rel = relative(rootReal, real);
  return rel === '..' || rel.startsWith('../') || isAbsolute(rel);
}
