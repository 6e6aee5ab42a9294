import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { lintFinding, type PluginContext } from '../load-checks/plugin-context.ts';

export const RULE = 'lint/missing-license';

/** Without a licence (plugin.json `license` or a LICENSE file) teams cannot legally vet or reuse a plugin. */
export function pluginDeclaresLicense(ctx: PluginContext): ExtraFinding[] {
  if (!ctx.root || !(ctx.manifestFile || ctx.marketplace?.entry)) return [];
  const declared = [ctx.manifest?.license, ctx.marketplace?.entry?.license].some((l) => typeof l === 'string' && l.trim() !== '');
  if (declared || ctx.fs.readdir(ctx.root).some((n) => /^(licen[cs]e|copying)(\.[a-z]+)?$/i.test(n))) return [];
  return [lintFinding({
    rule: RULE, severity: 'note', file: ctx.manifestFile ?? ctx.root, path: 'license',
    line: ctx.manifestText ? lineOfJsonPath(ctx.manifestText, ['name']) : undefined,
    message: 'The plugin declares no licence (no plugin.json "license", no LICENSE file).',
    hint: 'Add "license": "<SPDX id>" to plugin.json and a LICENSE file.',
  })];
}
