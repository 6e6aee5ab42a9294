import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';
import { parseDependencies } from './support/dependencies.ts';
import { findEntry } from './support/marketplace-entry.ts';

export const RULE = 'load/dependency-not-found';

/**
 * A bare dependency name resolves in the declaring plugin's own marketplace. When that marketplace
 * has no such plugin, install still "succeeds" and the plugin then fails to load. Verified:
 * `claude plugin list` shows `Dependency "ghost@mkt" is not installed`.
 */
export function dependenciesExistInMarketplace(ctx: PluginContext): ExtraFinding[] {
  const m = ctx.marketplace;
  const { manifest, manifestFile } = ctx;
  if (!m?.entry || !manifest || !manifestFile || typeof m.json.name !== 'string') return [];
  const own = m.json.name;
  return parseDependencies(manifest.dependencies)
    .filter((d) => (d.marketplace ?? own) === own && findEntry(m, d.name) === null)
    .map((d) => loadFinding({
      rule: RULE, severity: 'error', file: manifestFile, path: d.label,
      line: lineOfJsonPath(ctx.manifestText ?? '', d.pointer),
      message: `Dependency "${d.name}" resolves to "${d.name}@${own}", but marketplace "${own}" lists no plugin named "${d.name}"; Claude Code fails to load this plugin ("Dependency … is not installed").`,
      hint: `Add "${d.name}" to the marketplace, or name its marketplace: {"name": "${d.name}", "marketplace": "<other>"}.`,
    }));
}
