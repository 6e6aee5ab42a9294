import semver from 'semver';
import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { lintFinding, type PluginContext } from '../load-checks/plugin-context.ts';

export const RULE = 'lint/version-not-semver';

/**
 * Claude Code accepts any version string, but dependency ranges only match `{name}--v{semver}` tags
 * and `claude plugin tag` refuses non-semver versions, so a plugin versioned "one" can never be a
 * constrained dependency.
 */
export function versionIsSemver(ctx: PluginContext): ExtraFinding[] {
  const out: ExtraFinding[] = [];
  const v = ctx.manifest?.version;
  if (ctx.manifestFile && typeof v === 'string' && semver.valid(v) === null) {
    out.push(bad(v, ctx.manifestFile, 'version', lineOfJsonPath(ctx.manifestText ?? '', ['version'])));
  }
  const m = ctx.marketplace;
  const ev = m?.entry?.version;
  if (m && m.index !== null && typeof ev === 'string' && semver.valid(ev) === null) {
    out.push(bad(ev, m.file, `plugins[${m.index}].version`, lineOfJsonPath(m.text, ['plugins', m.index, 'version'])));
  }
  return out;
}

function bad(v: string, file: string, path: string, line: number | undefined): ExtraFinding {
  return lintFinding({
    rule: RULE, severity: 'warning', file, path, line,
    message: `Version "${v}" is not semver; dependency ranges and \`claude plugin tag\` ignore or refuse it.`,
    hint: 'Use MAJOR.MINOR.PATCH, e.g. "1.0.0".',
  });
}
