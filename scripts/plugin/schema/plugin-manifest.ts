import * as z from 'zod';
import { bunUrl } from './bun-url.ts';
import { lazy } from './lazy.ts';
import { authorSchema } from './author.ts';
import { commandPath, jsonPath, markdownPath, mcpbPath, relativePath } from './paths.ts';
import { hooksMapSchema } from './hooks.ts';
import { mcpServerSchema } from './mcp-server.ts';
import { lspServerSchema } from './lsp-server.ts';
import { monitorListSchema } from './monitors.ts';
import { userConfigOptionSchema, userConfigSchema } from './user-config.ts';
import { dependencySchema } from './dependencies.ts';
import { binariesSchema } from './binaries.ts';

/** `name` in plugin.json and in marketplace entries: non-empty, no spaces (kebab-case is only a warning). */
export const pluginNameSchema = lazy(() =>
  z
    .string()
    .min(1, 'Plugin name cannot be empty')
    .refine((n) => !n.includes(' '), { message: 'Plugin name cannot contain spaces. Use kebab-case (e.g., "my-plugin")' }),
);

const oneOrMany = <T extends z.ZodType>(item: () => T) => z.union([item(), z.array(item())]);
const hookSource = () => z.union([jsonPath(), z.lazy(() => hooksMapSchema())]);

const commandEntrySchema = lazy(() =>
  z
    .object({
      source: commandPath().optional(), content: z.string().optional(), description: z.string().optional(),
      argumentHint: z.string().optional(), model: z.string().optional(), allowedTools: z.array(z.string()).optional(),
    })
    .refine((c) => (c.source && !c.content) || (!c.source && c.content), { message: 'Command must have either "source" (file path) or "content" (inline markdown), but not both' }),
);

const mcpServersItem = () => z.union([jsonPath(), mcpbPath(), z.record(z.string(), mcpServerSchema())]);
const lspServersItem = () => z.union([jsonPath(), z.record(z.string(), lspServerSchema())]);

/** The component fields that are also accepted under `experimental` (themes, monitors, outputStyles). */
const themes = () => oneOrMany(relativePath);
const monitors = () => z.union([jsonPath(), monitorListSchema()]);
const outputStyles = () => oneOrMany(relativePath);

/**
 * The fields of `.claude-plugin/plugin.json` as Claude Code 2.1.197 parses them, in its key order
 * ("did you mean" walks this order). Each field's schema is built on first use.
 */
const FIELDS = {
  $schema: () => z.string().optional().describe('JSON Schema reference for editor autocomplete/validation; ignored at load time'),
  name: () => pluginNameSchema().describe('Unique identifier for the plugin, used for namespacing (prefer kebab-case)'),
  displayName: () => z.string().optional().describe('Human-readable name shown in UI; may contain spaces'),
  version: () => z.string().optional().describe('Semantic version (e.g., 1.2.3); not enforced'),
  description: () => z.string().optional().describe('Brief, user-facing explanation of what the plugin provides'),
  author: () => authorSchema().optional(),
  homepage: () => bunUrl().optional(),
  repository: () => z.string().optional().describe('Source code repository URL (a string, not an npm-style object)'),
  license: () => z.string().optional(),
  keywords: () => z.array(z.string()).optional(),
  defaultEnabled: () => z.boolean().optional(),
  dependencies: () => z.array(dependencySchema()).optional(),
  hooks: () => z.union([jsonPath(), z.lazy(() => hooksMapSchema()), z.array(hookSource())]).optional(),
  commands: () => z.union([commandPath(), z.array(commandPath()), z.record(z.string(), commandEntrySchema())]).optional(),
  agents: () => oneOrMany(markdownPath).optional(),
  skills: () => oneOrMany(relativePath).optional(),
  outputStyles: () => outputStyles().optional(),
  themes: () => themes().optional(),
  workflows: () => oneOrMany(relativePath).optional(),
  channels: () =>
    z.array(z.object({ server: z.string().min(1), displayName: z.string().optional(), userConfig: z.record(z.string(), userConfigOptionSchema()).optional() }).strict()).optional(),
  mcpServers: () => z.union([jsonPath(), mcpbPath(), z.record(z.string(), mcpServerSchema()), z.array(mcpServersItem())]).optional(),
  lspServers: () => z.union([jsonPath(), z.record(z.string(), lspServerSchema()), z.array(lspServersItem())]).optional(),
  monitors: () => monitors().optional(),
  settings: () => z.record(z.string(), z.unknown()).optional(),
  userConfig: () => userConfigSchema().optional(),
  binaries: () => binariesSchema().optional(),
  experimental: () =>
    z
      .preprocess(
        (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined),
        z
          .object({ themes: themes().optional(), monitors: monitors().optional(), outputStyles: outputStyles().optional(), evals: z.union([z.string(), z.array(z.string())]).optional() })
          .passthrough()
          .optional(),
      )
      .optional(),
} as const;

type FieldName = keyof typeof FIELDS;
/** The plugin.json keys Claude Code knows, in its order. */
export const PLUGIN_MANIFEST_KEYS = Object.keys(FIELDS) as FieldName[];

const built = new Map<FieldName, z.ZodType>();
const field = (k: FieldName): z.ZodType => {
  let s = built.get(k);
  if (!s) built.set(k, (s = lazy(FIELDS[k] as () => z.ZodType)()));
  return s;
};

/** The whole plugin.json schema (for marketplace entries and the generated JSON Schema). */
export const pluginManifestSchema = lazy(() => z.object(Object.fromEntries(PLUGIN_MANIFEST_KEYS.map((k) => [k, field(k)])) as { [K in FieldName]: ReturnType<(typeof FIELDS)[K]> }));

const byKeys = new Map<string, z.ZodType>();
/**
 * The plugin.json schema cut to the keys `raw` has (plus the required `name`), in the same order.
 * It gives the same issues and data as the whole schema: absent optional keys never raise an issue and
 * the object is not strict. It only spares building MCP, LSP, hook… schemas a manifest does not use,
 * which is most of the PostToolUse hook's one-shot cost.
 */
export function pluginManifestSchemaFor(raw: object): z.ZodType {
  const keys = PLUGIN_MANIFEST_KEYS.filter((k) => k === 'name' || Object.hasOwn(raw, k));
  const id = keys.join(',');
  let s = byKeys.get(id);
  if (!s) byKeys.set(id, (s = z.object(Object.fromEntries(keys.map((k) => [k, field(k)])))));
  return s;
}

/** Keys of `experimental` that Claude Code knows, in its order. */
export const EXPERIMENTAL_KEYS = ['themes', 'monitors', 'outputStyles', 'evals'] as const;
