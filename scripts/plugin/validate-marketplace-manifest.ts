import { basename, dirname } from 'node:path';
import { marketplaceSchema } from './schema/marketplace.ts';
import { pluginIdSchema } from './schema/plugin-id.ts';
import { parseJson } from './parse-json.ts';
import { dotDotIssue } from './manifest-path-checks.ts';
import { marketplaceWarnings } from './marketplace-warnings.ts';
import { marketplaceEntryChecks } from './marketplace-entry-checks.ts';
import { resolveRename } from './resolve-rename.ts';
import { unreadableManifest } from './validate-plugin-manifest.ts';
import { readInside, type ScanContext } from './scan-context.ts';
import { zodIssues } from './zod-issues.ts';
import type { FileBlock, Issue } from './report.ts';

/** Claude's advice for a `../x` plugin source. */
function sourceDotDotAdvice(p: string): string {
  const stripped = p.replace(/^(\.\.\/)+/, '');
  return `Plugin source paths are resolved relative to the marketplace root (the directory containing .claude-plugin/), not relative to marketplace.json. Use "${stripped !== p ? `./${stripped}` : './plugins/my-plugin'}" instead of "${p}".`;
}

/**
 * `claude plugin validate` on a marketplace.json: `..` sources, schema, renames chains, unknown keys,
 * duplicates and metadata, then each relative-source plugin's plugin.json. Component files are not checked.
 */
export function validateMarketplaceManifest(abs: string, ctx: ScanContext): FileBlock {
  const read = readInside(ctx, abs);
  if (!read.ok) return unreadableManifest('marketplace manifest', abs, read.code, read.message);
  const json = parseJson(read.text);
  if (!json.ok) return { kind: 'marketplace manifest', file: abs, errors: [{ path: 'json', message: `Invalid JSON syntax: ${json.message}` }], warnings: [] };

  const value = json.value as Record<string, unknown> | null;
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  let entries: unknown[] = [];
  if (value && typeof value === 'object' && Array.isArray(value.plugins)) {
    entries = value.plugins;
    entries.forEach((e, i) => {
      if (!e || typeof e !== 'object' || !('source' in e)) return;
      const source = (e as { source: unknown }).source;
      const a = typeof source === 'string' ? dotDotIssue(source, `plugins[${i}].source`, sourceDotDotAdvice(source)) : undefined;
      if (a) errors.push(a);
      if (source && typeof source === 'object' && 'path' in source && typeof source.path === 'string') {
        const b = dotDotIssue(source.path, `plugins[${i}].source.path`);
        if (b) errors.push(b);
      }
    });
  }
  const parsed = marketplaceSchema().safeParse(value);
  if (!parsed.success) errors.push(...zodIssues(parsed.error));
  if (parsed.success && parsed.data.renames) errors.push(...renameErrors(parsed.data.renames, new Set(parsed.data.plugins.map((p) => p.name))));
  if (value && typeof value === 'object' && !Array.isArray(value)) warnings.push(...marketplaceWarnings(value));
  if (parsed.success) {
    const m = parsed.data;
    if (m.plugins.length === 0) warnings.push({ path: 'plugins', message: 'Marketplace has no plugins defined' });
    m.plugins.forEach((p, i) => {
      if (m.plugins.filter((q) => q.name === p.name).length > 1) errors.push({ path: `plugins[${i}].name`, message: `Duplicate plugin name "${p.name}" found in marketplace` });
    });
    if (!m.description && !m.metadata?.description) {
      warnings.push({ path: 'description', message: 'No marketplace description provided. Adding a description helps users understand what this marketplace offers' });
    }
  }
  const dir = dirname(abs);
  const root = basename(dir) === '.claude-plugin' ? dirname(dir) : dir;
  const nested = marketplaceEntryChecks(entries, root, ctx);
  errors.push(...nested.errors);
  warnings.push(...nested.warnings);
  return { kind: 'marketplace manifest', file: abs, errors, warnings };
}

function renameErrors(renames: Record<string, string | null>, names: ReadonlySet<string>): Issue[] {
  const out: Issue[] = [];
  for (const from of Object.keys(renames)) {
    const r = resolveRename(from, renames, names);
    if (r?.kind === 'unresolved') {
      out.push({ path: `renames.${from}`, message: `chain does not resolve (${r.reason}) — target must be a name in plugins[], a key in renames, or null` });
    } else if (r?.kind === 'renamed' && !pluginIdSchema().safeParse(`${r.to}@placeholder`).success) {
      out.push({ path: `renames.${from}`, message: `target "${r.to}" is not a valid plugin name (PluginIdSchema)` });
    }
  }
  return out;
}
