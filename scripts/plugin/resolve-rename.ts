/** How many hops a `renames` chain may take before Claude gives up. */
export const MAX_RENAME_HOPS = 16;

export type RenameResolution =
  | { kind: 'renamed'; to: string; hops: number }
  | { kind: 'removed'; hops: number }
  | { kind: 'unresolved'; reason: 'cycle' | 'target-missing' | 'chain-too-deep' };

/**
 * Follow `renames` from `name` to a current plugin name, a removal (`null`), or a failure.
 * null when `name` is not a renames key.
 */
export function resolveRename(name: string, renames: Readonly<Record<string, string | null>>, current: ReadonlySet<string>): RenameResolution | null {
  if (!Object.hasOwn(renames, name)) return null;
  const seen = new Set<string>();
  let at = name;
  for (let hops = 0; hops < MAX_RENAME_HOPS; hops++) {
    if (seen.has(at)) return { kind: 'unresolved', reason: 'cycle' };
    seen.add(at);
    const next = Object.hasOwn(renames, at) ? renames[at] : undefined;
    if (next === undefined) return current.has(at) ? { kind: 'renamed', to: at, hops } : { kind: 'unresolved', reason: 'target-missing' };
    if (next === null) return { kind: 'removed', hops: hops + 1 };
    at = next;
  }
  return { kind: 'unresolved', reason: 'chain-too-deep' };
}
