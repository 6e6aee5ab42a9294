import { pluginManifestSchemaFor } from './schema/plugin-manifest.ts';
import { zodIssues } from './zod-issues.ts';
import type { Issue } from './report.ts';

export interface ParsedManifest {
  /** The parsed manifest, when the schema accepted it. */
  manifest?: Record<string, unknown>;
  /** Schema errors (`root: manifest must be an object` for a non-object). */
  errors: Issue[];
  /** A shallow copy of the object that was checked; null when the JSON was not an object. */
  raw: Record<string, unknown> | null;
}

/** Check a JSON value against the plugin.json schema, as Claude Code's loader and validator do. */
export function parsePluginManifest(json: unknown): ParsedManifest {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { errors: [{ path: 'root', message: 'manifest must be an object' }], raw: null };
  }
  const raw = { ...(json as Record<string, unknown>) };
  const parsed = pluginManifestSchemaFor(raw).safeParse(raw);
  return parsed.success ? { manifest: parsed.data as Record<string, unknown>, errors: [], raw } : { errors: zodIssues(parsed.error), raw };
}
