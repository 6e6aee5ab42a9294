import semver from 'semver';
import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';
import { parseDependencies } from './support/dependencies.ts';
import { findEntry, headVersion, isRelativeSource } from './support/marketplace-entry.ts';

export const RULE = 'load/dependency-unsatisfiable';

/**
 * A constrained dependency on a plugin of the same marketplace is fetched at the highest
 * `{name}--v{semver}` git tag of the marketplace repo that satisfies the range (`git ls-remote --tags`);
 * with no such tag a relative source falls back to its copy at HEAD. Verified: with only tag
 * `lib--v1.0.0` and lib 1.0.0 at HEAD, `"version": "^2.0.0"` installs lib 1.0.0 and
 * `claude plugin list` shows `Requires "lib@mkt" ^2.0.0, installed 1.0.0` (failed to load).
 */
export function dependencyConstraintIsSatisfiable(ctx: PluginContext): ExtraFinding[] {
  const m = ctx.marketplace;
  const { manifest, manifestFile } = ctx;
  if (!m?.entry || !manifest || !manifestFile || typeof m.json.name !== 'string') return [];
  const out: ExtraFinding[] = [];
  for (const d of parseDependencies(manifest.dependencies)) {
    if (d.range === undefined || semver.validRange(d.range) === null) continue;
    if ((d.marketplace ?? m.json.name) !== m.json.name) continue;
    const target = findEntry(m, d.name);
    if (!target || !isRelativeSource(target.entry.source)) continue; // remote tags are not reachable offline
    const tags = m.tags();
    const prefix = `${d.name}--v`;
    const tagged = (tags ?? []).filter((t) => t.startsWith(prefix)).map((t) => semver.clean(t.slice(prefix.length))).filter((v): v is string => v !== null);
    if (semver.maxSatisfying(tagged, d.range) !== null) continue;
    const head = headVersion(ctx.fs, m, target.entry);
    const headOk = head !== undefined && satisfiesLikeClaude(head, d.range);
    if (headOk && tags === null) continue; // not a git repo: HEAD is the only version there is, and it fits
    const where = tags === null ? 'the marketplace is not a git repo' : `no "${prefix}<version>" tag satisfies it`;
    out.push(loadFinding({
      rule: RULE, severity: headOk ? 'warning' : 'error', file: manifestFile, path: `${d.label}.version`,
      line: lineOfJsonPath(ctx.manifestText ?? '', [...d.pointer, 'version']),
      message: headOk
        ? `"${d.name}" ${d.range}: ${where}, so Claude Code falls back to the unpinned copy at HEAD (${head}).`
        : `"${d.name}" ${d.range}: ${where} and the copy at HEAD is ${head ?? 'unversioned'}, so Claude Code fails to load this plugin ("Requires \\"${d.name}@${m.json.name}\\" ${d.range}, installed ${head ?? '…'}").`,
      hint: headOk
        ? `Tag the release: \`claude plugin tag\` in ${d.name}'s directory creates "${prefix}${head}"; push the tag with the marketplace.`
        : `Release a version of "${d.name}" that satisfies ${d.range} (and tag it "${prefix}<version>"), or relax the range.`,
    }));
  }
  return out;
}

/** Claude Code's check: `valid(v) ?? coerce(v)`, then `satisfies`. */
function satisfiesLikeClaude(version: string, range: string): boolean {
  const v = semver.valid(version) ?? semver.coerce(version)?.version;
  return v !== undefined && v !== null && semver.satisfies(v, range);
}
