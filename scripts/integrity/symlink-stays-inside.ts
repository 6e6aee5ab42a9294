import type { TreeStat } from './tree-fs.ts';

const MAX_HOPS = 40; // as Linux's MAXSYMLINKS

/**
 * Whether the symlink at `linkRel` (root-relative posix path) with `target` resolves inside the root.
 * Lexical normalisation is not enough: with `sub/up -> ..`, the target `sub/up/../..` looks like `.` but
 * really is the root's parent. So the target is resolved component by component, expanding the tree's
 * own symlinks as the kernel would, and any step above the root fails. Absolute targets always fail.
 * Components that do not exist are resolved lexically (a dangling link inside the tree is fine).
 * Returns null when it stays inside, else why not.
 */
export function symlinkStaysInside(
  linkRel: string,
  target: string,
  lstat: (rel: string) => TreeStat | null,
  readlink: (rel: string) => string,
): null | 'absolute' | 'escapes' | 'loop' {
  if (target.startsWith('/') || target === '') return target === '' ? 'escapes' : 'absolute';
  const stack = linkRel.split('/').slice(0, -1); // the directory holding the link
  const queue = target.split('/');
  let hops = 0;
  let exists = true;
  while (queue.length > 0) {
    const comp = queue.shift()!;
    if (comp === '' || comp === '.') continue;
    if (comp === '..') {
      if (stack.length === 0) return 'escapes';
      stack.pop();
      continue;
    }
    stack.push(comp);
    if (!exists) continue;
    const st = lstat(stack.join('/'));
    if (!st) { exists = false; continue; }
    if (st.kind !== 'symlink') continue;
    if (++hops > MAX_HOPS) return 'loop';
    const next = readlink(stack.join('/'));
    if (next.startsWith('/')) return 'absolute';
    stack.pop();
    queue.unshift(...next.split('/'));
  }
  return null;
}
