import semver from 'semver';
import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';
import { parseDependencies } from './support/dependencies.ts';

export const RULE = 'load/dependency-range-invalid';

/**
 * An object dependency `version` that is not an npm semver range passes `claude plugin validate`, but
 * no version ever satisfies it. Verified: with lib not yet installed, install fails ("has an invalid
 * version requirement among: not a range", and later dependents of lib fail the same way); with lib
 * installed, `claude plugin list` shows `✘ failed to load`, `Requires "lib@mkt" not a range, installed 1.0.0`.
 */
export function dependencyVersionIsRange(ctx: PluginContext): ExtraFinding[] {
  const { manifest, manifestFile } = ctx;
  if (!manifest || !manifestFile) return [];
  return parseDependencies(manifest.dependencies).filter((d) => d.range !== undefined && semver.validRange(d.range) === null).map((d) =>
    loadFinding({
      rule: RULE, severity: 'error', file: manifestFile, path: `${d.label}.version`,
      line: lineOfJsonPath(ctx.manifestText ?? '', [...d.pointer, 'version']),
      message: `"${d.range}" is not a semver range, so no version of "${d.name}" satisfies it: installing fails ("invalid version requirement", also for other plugins that depend on "${d.name}"), or, when "${d.name}" is already installed, this plugin fails to load.`,
      hint: 'Use an npm semver range such as "^1.2.0", "~2.1.0" or ">=1.4 <2".',
    }));
}
