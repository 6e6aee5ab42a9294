import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, stringList, type PluginContext } from './plugin-context.ts';
import { parseDependencies } from './support/dependencies.ts';

export const RULE = 'load/cross-marketplace-dependency';

/**
 * Dependencies in another marketplace are auto-installed only when the root marketplace lists that
 * marketplace in `allowCrossMarketplaceDependenciesOn`. Verified: without it, install logs "in a
 * different marketplace; not auto-installing" and `claude plugin list` shows
 * `Dependency "olib@othermkt" is not installed` (failed to load); with it, install adds the dependency.
 */
export function crossMarketplaceDependenciesAreAllowed(ctx: PluginContext): ExtraFinding[] {
  const m = ctx.marketplace;
  const { manifest, manifestFile } = ctx;
  if (!m?.entry || !manifest || !manifestFile || typeof m.json.name !== 'string') return [];
  const own = m.json.name;
  const allowed = new Set(stringList(m.json.allowCrossMarketplaceDependenciesOn));
  return parseDependencies(manifest.dependencies)
    .filter((d) => d.marketplace !== undefined && d.marketplace !== own && !allowed.has(d.marketplace))
    .map((d) => loadFinding({
      rule: RULE, severity: 'error', file: manifestFile, path: d.label,
      line: lineOfJsonPath(ctx.manifestText ?? '', d.pointer),
      message: `"${d.name}@${d.marketplace}" is in another marketplace that "${own}" does not allow in allowCrossMarketplaceDependenciesOn; Claude Code will not install it, and this plugin fails to load unless the user installed it by hand.`,
      hint: `Add "${d.marketplace}" to allowCrossMarketplaceDependenciesOn in ${own}'s marketplace.json (users must also have that marketplace added).`,
    }));
}
