import { basename, dirname } from 'node:path';
import { parseJson } from './parse-json.ts';
import { parsePluginManifest } from './parse-plugin-manifest.ts';
import { manifestPathChecks } from './manifest-path-checks.ts';
import { pluginManifestWarnings, pluginMetadataWarnings } from './plugin-manifest-warnings.ts';
import { readInside, type ScanContext } from './scan-context.ts';
import type { FileBlock, Issue } from './report.ts';

/** The failure block for a manifest that could not be read, worded as Claude words it. */
export function unreadableManifest(kind: FileBlock['kind'], abs: string, code: string, message: string): FileBlock {
  const text = code === 'ENOENT' ? `File not found: ${abs}` : code === 'EISDIR' ? `Path is not a file: ${abs}` : `Failed to read file: ${message}`;
  return { kind, file: abs, errors: [{ path: 'file', message: text, code }], warnings: [] };
}

/**
 * `claude plugin validate` on a plugin.json file: read, parse, schema, component path checks, then
 * warnings (unknown keys, experimental, binaries; metadata only when the schema passed).
 */
export function validatePluginManifest(abs: string, ctx: ScanContext): FileBlock {
  const read = readInside(ctx, abs);
  if (!read.ok) return unreadableManifest('plugin manifest', abs, read.code, read.message);
  const json = parseJson(read.text);
  if (!json.ok) return { kind: 'plugin manifest', file: abs, errors: [{ path: 'json', message: `Invalid JSON syntax: ${json.message}` }], warnings: [] };

  const value = json.value;
  const parsed = parsePluginManifest(value);
  const errors: Issue[] = [...parsed.errors];
  const warnings: Issue[] = [];
  if (value && typeof value === 'object') {
    const dir = dirname(abs);
    const pluginRoot = basename(dir) === '.claude-plugin' ? dirname(dir) : dir;
    errors.push(...manifestPathChecks(parsed.raw ?? (value as Record<string, unknown>), pluginRoot, ctx.fs));
  }
  if (parsed.raw) warnings.push(...pluginManifestWarnings(parsed.raw));
  if (parsed.manifest) warnings.push(...pluginMetadataWarnings(parsed.manifest));
  return { kind: 'plugin manifest', file: abs, errors, warnings };
}
