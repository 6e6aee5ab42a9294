import { PLUGIN_MANIFEST_KEYS, EXPERIMENTAL_KEYS } from './schema/plugin-manifest.ts';
import { BINARY_BASENAME, MAX_FETCHED_BINARIES, validBinaries } from './schema/binaries.ts';
import { MARKETPLACE_ENTRY_ONLY_KEYS, unknownKeyWarnings } from './unknown-key-warnings.ts';
import { jsonTypeName } from './zod-issues.ts';
import type { Issue } from './report.ts';

/** Top-level components that are experimental and belong under `experimental`. */
const EXPERIMENTAL_AT_TOP = ['monitors', 'themes'] as const;

/** The warnings `claude plugin validate` computes from a plugin.json object whether or not the schema passed. */
export function pluginManifestWarnings(raw: Record<string, unknown>): Issue[] {
  const out = unknownKeyWarnings(raw, PLUGIN_MANIFEST_KEYS, '', MARKETPLACE_ENTRY_ONLY_KEYS);
  for (const k of EXPERIMENTAL_AT_TOP) {
    if (k in raw) out.push({ path: k, message: `'${k}' is an experimental component; declare it under 'experimental.${k}' instead of at the top level. Top-level still loads for now but will be removed in a future release.` });
  }
  if ('experimental' in raw) out.push(...experimentalWarnings(raw.experimental, 'experimental'));
  if ('binaries' in raw) out.push(...binariesWarnings(raw.binaries));
  return out;
}

/** `experimental` must be an object; keys Claude does not know are warned about. */
export function experimentalWarnings(value: unknown, path: string): Issue[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return unknownKeyWarnings(value, EXPERIMENTAL_KEYS, path);
  return [{ path, message: `'experimental' must be an object containing component declarations; got ${jsonTypeName(value)}. It will be ignored at load time.` }];
}

function binariesWarnings(value: unknown): Issue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ path: 'binaries', message: `'binaries' must be an object mapping basenames to { sha256 }; got ${jsonTypeName(value)}. It will be ignored at install time.` }];
  }
  const valid = validBinaries(value) ?? {};
  const out: Issue[] = [];
  for (const name of Object.keys(value)) {
    if (!Object.hasOwn(valid, name)) {
      out.push({ path: `binaries.${name}`, message: `Invalid binaries entry; it will be ignored at install time. The basename must match ${String(BINARY_BASENAME)} (lowercase, no leading or trailing dot) and the value must be an object with a 64-character lowercase-hex 'sha256'.` });
    }
  }
  const count = Object.keys(valid).length;
  if (count > MAX_FETCHED_BINARIES) {
    out.push({ path: 'binaries', message: `${count} valid binaries entries declared, but only the first ${MAX_FETCHED_BINARIES} are fetched at install time; the rest are ignored. Reduce the count or split across plugins.` });
  }
  return out;
}

/** The metadata warnings, given only when the schema accepted the manifest. */
export function pluginMetadataWarnings(manifest: Record<string, unknown>): Issue[] {
  const out: Issue[] = [];
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(String(manifest.name))) {
    out.push({ path: 'name', message: `Plugin name "${String(manifest.name)}" is not kebab-case. Claude Code accepts it, but the Claude.ai marketplace sync requires kebab-case (lowercase letters, digits, and hyphens only, e.g., "my-plugin").` });
  }
  if (!manifest.version) out.push({ path: 'version', message: 'No version specified. Consider adding a version following semver (e.g., "1.0.0")' });
  if (!manifest.description) out.push({ path: 'description', message: 'No description provided. Adding a description helps users understand what your plugin does' });
  if (!manifest.author) out.push({ path: 'author', message: 'No author information provided. Consider adding author details for plugin attribution' });
  return out;
}
