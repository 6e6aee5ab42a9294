import { join } from 'node:path';
import { validateFrontmatter, type ComponentKind } from './validate-frontmatter.ts';
import { validateHooksFile } from './validate-hooks-file.ts';
import { readInside, type ScanContext } from './scan-context.ts';
import { errnoMessage } from './errno-text.ts';
import type { FileBlock } from './report.ts';

/** Thrown when Claude itself would abort with exit 2 (an unreadable component directory). */
export class ScanAborted extends Error {}

/**
 * The component checks `claude plugin validate` adds for a plugin target, in its order: root CLAUDE.md /
 * CLAUDE.local.md (regular files only), skills/<dir>/SKILL.md, agents/**.md, commands/**.md, hooks/hooks.json.
 * Only files with issues get a block. Directories are walked in the OS's order, as Claude walks them.
 */
export function validateComponents(root: string, ctx: ScanContext): FileBlock[] {
  const out: FileBlock[] = [];
  const top = ctx.fs.list(root);
  for (const e of top.ok ? top.entries : []) {
    const lower = e.name.toLowerCase();
    if (e.type !== 'file' || (lower !== 'claude.md' && lower !== 'claude.local.md')) continue;
    const advice = lower === 'claude.local.md' ? 'Remove it from the plugin root.' : 'To ship context with your plugin, use a skill (skills/<name>/SKILL.md) instead.';
    out.push({ kind: 'plugin', file: join(root, e.name), errors: [], warnings: [{ path: 'root', message: `${e.name} at the plugin root is not loaded as project context. ${advice}` }] });
  }
  const kinds: Array<[ComponentKind, string]> = [['skill', join(root, 'skills')], ['agent', join(root, 'agents')], ['command', join(root, 'commands')]];
  for (const [kind, dir] of kinds) {
    for (const file of componentFiles(ctx, dir, kind === 'skill')) {
      const read = readInside(ctx, file);
      if (!read.ok) {
        // Over 64 MiB we refuse to read (load-checks flag anything over the loader's 1 MiB cap).
        if (read.code === 'ENOENT' || read.code === 'OUTSIDE_ROOT' || read.code === 'TOO_LARGE') continue;
        out.push({ kind, file, errors: [{ path: 'file', message: `Failed to read: ${read.message}` }], warnings: [] });
        continue;
      }
      const block = validateFrontmatter(file, read.text, kind);
      if (block.errors.length > 0 || block.warnings.length > 0) out.push(block);
    }
  }
  const hooks = validateHooksFile(join(root, 'hooks', 'hooks.json'), ctx);
  if (hooks.errors.length > 0 || hooks.warnings.length > 0) out.push(hooks);
  return out;
}

/** skills/<dir>/SKILL.md (one level), or every *.md below agents/ or commands/ (regular files, not symlinks). */
function componentFiles(ctx: ScanContext, dir: string, skills: boolean): string[] {
  const listed = ctx.fs.list(dir);
  if (!listed.ok) {
    if (listed.code === 'ENOENT' || listed.code === 'ENOTDIR') return [];
    throw new ScanAborted(errnoMessage(listed.code, 'scandir', dir));
  }
  if (skills) return listed.entries.filter((e) => e.type === 'dir').map((e) => join(dir, e.name, 'SKILL.md'));
  const out: string[] = [];
  for (const e of listed.entries) {
    const p = join(dir, e.name);
    if (e.type === 'dir') out.push(...componentFiles(ctx, p, false));
    else if (e.type === 'file' && e.name.toLowerCase().endsWith('.md')) out.push(p);
  }
  return out;
}
