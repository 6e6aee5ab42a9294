import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';
import { parseDependencies } from './support/dependencies.ts';

export const RULE = 'load/dependency-range-dropped';

/**
 * `"lib@^1.0.0"` passes validation, but Claude Code strips the `@^…` part and installs any version
 * (spec §1.5: `lib@^1.0.0` installed lib 2.0.0; verified again: `"lib@^2.0.0"` loads fine with lib 1.0.0).
 * Only the object form carries a constraint.
 */
export function stringDependenciesKeepRange(ctx: PluginContext): ExtraFinding[] {
  const { manifest, manifestFile } = ctx;
  if (!manifest || !manifestFile) return [];
  return parseDependencies(manifest.dependencies).filter((d) => d.droppedRange !== undefined).map((d) => {
    const object = JSON.stringify({ name: d.name, ...(d.marketplace ? { marketplace: d.marketplace } : {}), version: d.droppedRange });
    return loadFinding({
      rule: RULE, severity: 'warning', file: manifestFile, path: d.label,
      line: lineOfJsonPath(ctx.manifestText ?? '', d.pointer),
      message: `The range "${d.droppedRange}" in this string dependency is silently ignored: Claude Code installs any version of "${d.name}".`,
      hint: `Use the object form to enforce it: ${object}`,
    });
  });
}
