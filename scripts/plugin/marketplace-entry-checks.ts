import { join, relative } from 'node:path';
import { marketplaceEntrySchema } from './schema/marketplace-entry.ts';
import { parseJson } from './parse-json.ts';
import { validatePluginManifest } from './validate-plugin-manifest.ts';
import { readInside, type ScanContext } from './scan-context.ts';
import type { Issue } from './report.ts';

/**
 * For each entry whose source is a relative path: the entry/plugin.json version cross-check, then the
 * plugin.json checks with Claude's `plugins[i] plugin.json → ` prefix. A missing plugin.json is fine
 * (the entry is the manifest). Returns errors and warnings in Claude's order.
 */
export function marketplaceEntryChecks(entries: readonly unknown[], marketplaceRoot: string, ctx: ScanContext): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  entries.forEach((entry, i) => {
    const parsed = marketplaceEntrySchema().safeParse(entry);
    if (!parsed.success) return;
    const { source, version } = parsed.data;
    if (typeof source !== 'string' || !source.startsWith('./') || source.includes('..')) return;
    const manifestPath = join(marketplaceRoot, source, '.claude-plugin', 'plugin.json');
    const rel = relative(marketplaceRoot, manifestPath);
    if (version) {
      const declared = manifestVersion(manifestPath, rel, i, ctx, warnings);
      if (declared && declared !== version) {
        warnings.push({
          path: `plugins[${i}].version`,
          message: `Entry declares version "${version}" but ${rel} says "${declared}". At install time, plugin.json wins (calculatePluginVersion precedence) — the entry version is silently ignored. Update this entry to "${declared}" to match.`,
        });
      }
    }
    const block = validatePluginManifest(manifestPath, ctx);
    if (block.errors.length === 1 && (block.errors[0].code === 'ENOENT' || block.errors[0].code === 'OUTSIDE_ROOT')) return;
    const prefix = `plugins[${i}] plugin.json → `;
    for (const e of block.errors) errors.push({ ...e, path: prefix + e.path });
    for (const w of block.warnings) warnings.push({ ...w, path: prefix + w.path });
  });
  return { errors, warnings };
}

/** plugin.json's `version` for the cross-check; read and parse problems become warnings, as in Claude. */
function manifestVersion(abs: string, rel: string, i: number, ctx: ScanContext, warnings: Issue[]): string | undefined {
  const read = readInside(ctx, abs);
  if (!read.ok) {
    if (read.code !== 'ENOENT' && read.code !== 'ENOTDIR' && read.code !== 'OUTSIDE_ROOT') {
      warnings.push({ path: `plugins[${i}].source`, message: `Could not read ${rel} for version cross-check: ${read.message}` });
    }
    return undefined;
  }
  const json = parseJson(read.text);
  if (!json.ok) {
    warnings.push({ path: `plugins[${i}].source`, message: `Could not parse ${rel} for version cross-check: ${json.message}` });
    return undefined;
  }
  const v = json.value;
  if (v === null || v === undefined) {
    // Claude reads `I.version` off the parsed value; JavaScriptCore words the TypeError like this.
    warnings.push({ path: `plugins[${i}].source`, message: `Could not parse ${rel} for version cross-check: null is not an object (evaluating 'I.version')` });
    return undefined;
  }
  const version = (v as { version?: unknown }).version;
  return typeof version === 'string' ? version : undefined;
}
