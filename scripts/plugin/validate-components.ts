import { basename, join, relative, sep } from 'node:path';
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
 * With `only`, just that file is checked (if Claude's walk would reach it): the hook's one-file mode.
 */
export function validateComponents(root: string, ctx: ScanContext, only?: string): FileBlock[] {
  if (only !== undefined) return validateOneComponent(root, ctx, only);
  const out: FileBlock[] = [];
  const top = ctx.fs.list(root);
  for (const e of top.ok ? top.entries : []) {
    const block = e.type === 'file' ? rootContextFileBlock(root, e.name) : null;
    if (block) out.push(block);
  }
  const kinds: Array<[ComponentKind, string]> = [['skill', join(root, 'skills')], ['agent', join(root, 'agents')], ['command', join(root, 'commands')]];
  for (const [kind, dir] of kinds) {
    for (const file of componentFiles(ctx, dir, kind === 'skill')) {
      const block = validateComponentFile(ctx, file, kind);
      if (block) out.push(block);
    }
  }
  const hooks = validateHooksFile(join(root, 'hooks', 'hooks.json'), ctx);
  if (hooks.errors.length > 0 || hooks.warnings.length > 0) out.push(hooks);
  return out;
}

/** A CLAUDE.md or CLAUDE.local.md (any case) at the plugin root is not loaded: Claude warns. */
function rootContextFileBlock(root: string, name: string): FileBlock | null {
  const lower = name.toLowerCase();
  if (lower !== 'claude.md' && lower !== 'claude.local.md') return null;
  const advice = lower === 'claude.local.md' ? 'Remove it from the plugin root.' : 'To ship context with your plugin, use a skill (skills/<name>/SKILL.md) instead.';
  return { kind: 'plugin', file: join(root, name), errors: [], warnings: [{ path: 'root', message: `${name} at the plugin root is not loaded as project context. ${advice}` }] };
}

/** One skill, agent or command file; null when it has no issues or Claude would skip it. */
function validateComponentFile(ctx: ScanContext, file: string, kind: ComponentKind): FileBlock | null {
  const read = readInside(ctx, file);
  if (!read.ok) {
    // Over 64 MiB we refuse to read (load-checks flag anything over the loader's 1 MiB cap).
    if (read.code === 'ENOENT' || read.code === 'OUTSIDE_ROOT' || read.code === 'TOO_LARGE') return null;
    return { kind, file, errors: [{ path: 'file', message: `Failed to read: ${read.message}` }], warnings: [] };
  }
  const block = validateFrontmatter(file, read.text, kind);
  return block.errors.length > 0 || block.warnings.length > 0 ? block : null;
}

/** The block(s) the full walk would give for `file` alone, without walking anything else. */
function validateOneComponent(root: string, ctx: ScanContext, file: string): FileBlock[] {
  const parts = relative(root, file).split(sep);
  const top = parts[0];
  if (parts.length === 2 && top === 'hooks' && parts[1] === 'hooks.json') {
    const hooks = validateHooksFile(file, ctx);
    return hooks.errors.length > 0 || hooks.warnings.length > 0 ? [hooks] : [];
  }
  if (parts.length === 1) {
    const block = ctx.fs.lstat(file)?.type === 'file' ? rootContextFileBlock(root, top) : null;
    return block ? [block] : [];
  }
  const kind: ComponentKind | undefined = top === 'skills' ? 'skill' : top === 'agents' ? 'agent' : top === 'commands' ? 'command' : undefined;
  if (kind === undefined) return [];
  // Reached by Claude's walk only through real directories (symlinks are not followed).
  for (let i = 1; i < parts.length; i++) {
    if (ctx.fs.lstat(join(root, ...parts.slice(0, i)))?.type !== 'dir') return [];
  }
  if (kind === 'skill') {
    if (parts.length !== 3 || parts[2] !== 'SKILL.md') return [];
  } else if (ctx.fs.lstat(file)?.type !== 'file' || !basename(file).toLowerCase().endsWith('.md')) return [];
  const block = validateComponentFile(ctx, file, kind);
  return block ? [block] : [];
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
