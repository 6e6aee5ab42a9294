import * as z from 'zod';

/**
 * Claude Code's own state formats (2.1.197, spec §5 and the CLI's zod schemas), as lenient as the CLI
 * where it is lenient (unknown keys pass) and strict where a wrong shape would mislead a verify.
 */
export const scopeSchema = z.enum(['managed', 'user', 'project', 'local']);
export type ClaudeScope = z.infer<typeof scopeSchema>;

export const installationSchema = z.object({
  scope: scopeSchema,
  projectPath: z.string().optional(),
  installPath: z.string(),
  version: z.string().optional(),
  installedAt: z.string().optional(),
  lastUpdated: z.string().optional(),
  gitCommitSha: z.string().optional(),
  resolvedVersion: z.string().optional(),
  auto: z.boolean().optional(),
});

const installationV1Schema = installationSchema.omit({ scope: true, projectPath: true }).extend({ scope: scopeSchema.optional() });

export const installedPluginsSchema = z.union([
  z.object({ version: z.literal(2), plugins: z.record(z.string(), z.array(installationSchema)) }),
  z.object({ version: z.literal(1), plugins: z.record(z.string(), installationV1Schema) }),
]);

/** A marketplace source (url, github, git, npm, file, directory, settings, …): kept as written. */
export const marketplaceSourceSchema = z.looseObject({ source: z.string() });
export type MarketplaceSource = z.infer<typeof marketplaceSourceSchema>;

export const knownMarketplacesSchema = z.record(z.string(), z.looseObject({
  source: marketplaceSourceSchema,
  installLocation: z.string(),
  lastUpdated: z.string().optional(),
  autoUpdate: z.boolean().optional(),
}));

export const settingsSchema = z.looseObject({
  enabledPlugins: z.record(z.string(), z.union([z.boolean(), z.array(z.string()), z.null()])).optional(),
  extraKnownMarketplaces: z.record(z.string(), z.looseObject({ source: marketplaceSourceSchema, installLocation: z.string().optional(), autoUpdate: z.boolean().optional() })).optional(),
});

/** The parts of a plugin manifest that the lock reads (the validator owns the full schema). */
export const manifestDependencySchema = z.union([
  z.string(),
  z.looseObject({ name: z.string(), marketplace: z.string().optional(), version: z.string().optional(), sha: z.string().optional() }),
]);
export const manifestSchema = z.looseObject({
  name: z.string().optional(),
  version: z.string().optional(),
  dependencies: z.array(manifestDependencySchema).optional(),
});

/** The parts of a marketplace.json the lock reads: each plugin entry's name and source. */
export const marketplaceManifestSchema = z.looseObject({
  name: z.string(),
  plugins: z.array(z.looseObject({ name: z.string(), source: z.union([z.string(), z.looseObject({ source: z.string() })]), version: z.string().optional() })),
});
