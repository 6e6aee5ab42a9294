/**
 * Dependencies declared in a plugin.json, in Claude Code's own format (spec §1.5): an array of
 * "name", "name@marketplace" (a trailing "@^…" is accepted and ignored by Claude, so by us too), or
 * {name, marketplace?, version?: npm range}. A bare name is in the declaring plugin's marketplace.
 * Items Claude would reject are skipped (the validator reports them).
 */
export interface DeclaredDependency { id: string; range?: string }

const NAME = /^[A-Za-z0-9][-A-Za-z0-9._]*$/;

export function declaredDependencies(deps: readonly unknown[] | undefined, ownMarketplace: string): DeclaredDependency[] {
  const out = new Map<string, DeclaredDependency>();
  for (const d of deps ?? []) {
    let name: string | undefined;
    let marketplace: string | undefined;
    let range: string | undefined;
    if (typeof d === 'string') {
      const [n, m] = d.split('@');
      name = n;
      marketplace = m && !m.startsWith('^') ? m : undefined;
    } else if (d && typeof d === 'object' && typeof (d as { name?: unknown }).name === 'string') {
      const o = d as { name: string; marketplace?: unknown; version?: unknown };
      name = o.name;
      marketplace = typeof o.marketplace === 'string' ? o.marketplace : undefined;
      range = typeof o.version === 'string' && o.version.trim() !== '' && o.version.trim() !== '*' ? o.version.trim() : undefined;
    }
    if (!name || !NAME.test(name) || (marketplace !== undefined && !NAME.test(marketplace))) continue;
    const id = `${name}@${marketplace ?? ownMarketplace}`;
    out.set(id, range ? { id, range } : { id });
  }
  return [...out.values()];
}
