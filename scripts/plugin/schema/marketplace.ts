import * as z from 'zod';
import { lazy } from './lazy.ts';
import { authorSchema } from './author.ts';
import { marketplaceNameSchema } from './marketplace-name.ts';
import { validatedMarketplaceEntrySchema } from './marketplace-entry.ts';

/** The top level of `.claude-plugin/marketplace.json`, without the plugins array's per-entry rules. */
export const marketplaceBaseSchema = lazy(() =>
  z.object({
    $schema: z.string().optional().describe('JSON Schema reference for editor autocomplete/validation; ignored at load time'),
    name: marketplaceNameSchema(),
    version: z.string().optional(),
    description: z.string().optional(),
    owner: authorSchema().describe('Marketplace maintainer or curator information'),
    plugins: z.array(z.unknown()),
    forceRemoveDeletedPlugins: z.boolean().optional(),
    metadata: z.object({ pluginRoot: z.string().optional(), version: z.string().optional(), description: z.string().optional() }).optional(),
    allowCrossMarketplaceDependenciesOn: z.array(z.string()).optional(),
    renames: z.record(z.string(), z.string().nullable()).optional().catch(undefined),
  }),
);

/** marketplace.json as `claude plugin validate` checks it. */
export const marketplaceSchema = lazy(() =>
  marketplaceBaseSchema().extend({
    plugins: z.array(validatedMarketplaceEntrySchema()),
    renames: z.record(z.string(), z.string().nullable()).optional(),
  }),
);
