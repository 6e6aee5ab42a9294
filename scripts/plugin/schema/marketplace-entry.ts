import * as z from 'zod';
import { lazy } from './lazy.ts';
import { pluginManifestSchema, pluginNameSchema } from './plugin-manifest.ts';
import { pluginSourceSchema } from './plugin-source.ts';
import { relevanceFieldSchema, strictRelevanceFieldSchema } from './relevance.ts';

/** A `plugins[]` entry as the runtime reads it: every plugin.json field (optional) plus entry fields. */
export const marketplaceEntrySchema = lazy(() =>
  pluginManifestSchema()
    .partial()
    .extend({
      name: pluginNameSchema().describe('Unique identifier matching the plugin name'),
      source: pluginSourceSchema().describe('Where to fetch the plugin from'),
      category: z.string().optional(),
      tags: z.array(z.string()).optional(),
      strict: z.boolean().optional().default(true).describe('If false, the marketplace entry provides the manifest'),
      relevance: relevanceFieldSchema(),
    }),
);

/** The entry as `claude plugin validate` checks it: stricter relevance, and no hand-written "unsupported" source. */
export const validatedMarketplaceEntrySchema = lazy(() =>
  marketplaceEntrySchema()
    .extend({ relevance: strictRelevanceFieldSchema() })
    .refine((e) => typeof e.source === 'string' || e.source.source !== 'unsupported', { message: "source.source: 'unsupported' is a parse-time placeholder and cannot be authored" }),
);
