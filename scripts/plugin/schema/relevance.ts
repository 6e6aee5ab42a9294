import * as z from 'zod';
import { lazy } from './lazy.ts';
import { isBunRegex } from './is-bun-regex.ts';

const asObjectOrUndefined = (v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined);

export const relevanceSignalsSchema = lazy(() =>
  z.object({
    cli: z.array(z.string().max(64)).max(10).optional(),
    hosts: z.array(z.string().max(128)).max(20).optional(),
    filesRead: z.array(z.string().max(256)).max(10).optional(),
    manifestDeps: z.array(z.object({ file: z.string().max(256), pattern: z.string().max(256) })).max(10).optional(),
    cwd: z.array(z.string().max(256)).max(10).optional(),
  }),
);

/** `relevance` as the runtime reads it (lenient). */
export const relevanceSchema = lazy(() => z.object({ topic: z.string().max(64).optional(), signals: relevanceSignalsSchema().optional() }));

/** The runtime field: a non-object is dropped rather than rejected. */
export const relevanceFieldSchema = lazy(() => z.preprocess(asObjectOrUndefined, relevanceSchema().optional()));

/** Compiled by Claude Code with Bun's `new RegExp`, which takes ES2025 syntax Node 20 does not. */
const isRegex = isBunRegex;

/** `relevance` as `claude plugin validate` checks it: stricter, and `signals` is required once `relevance` is given. */
export const strictRelevanceFieldSchema = lazy(() =>
  z.preprocess(
    asObjectOrUndefined,
    relevanceSchema()
      .extend({
        topic: z.string().min(1).max(64).optional(),
        signals: relevanceSignalsSchema()
          .extend({
            cli: z.array(z.string().min(1).max(64)).max(10).optional(),
            hosts: z.array(z.string().min(1).max(128).refine((h) => /^[a-z0-9.-]+$/.test(h), 'must be a lowercase bare hostname (no scheme, port, or path)')).max(20).optional(),
            filesRead: z.array(z.string().min(1).max(256).refine((g) => !g.includes('\\'), 'must use forward slashes (e.g. "**/*.tf"), not backslashes')).max(10).optional(),
            manifestDeps: z
              .array(z.object({ file: z.string().min(1).max(256).refine(isRegex, 'must be a valid regular expression'), pattern: z.string().min(1).max(256).refine(isRegex, 'must be a valid regular expression') }))
              .min(1)
              .max(10)
              .optional(),
            cwd: z.array(z.string().min(1).max(256).refine((g) => !g.includes('\\'), 'must use forward slashes (e.g. "Engine/Source/**"), not backslashes')).max(10).optional(),
          })
          .refine(
            (s) => (s.cli?.length ?? 0) > 0 || (s.hosts?.length ?? 0) > 0 || (s.filesRead?.length ?? 0) > 0 || (s.manifestDeps?.length ?? 0) > 0 || (s.cwd?.length ?? 0) > 0,
            'must declare at least one signal (cli, hosts, filesRead, manifestDeps, or cwd)',
          ),
      })
      .optional(),
  ),
);
