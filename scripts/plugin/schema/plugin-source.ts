import * as z from 'zod';
import { bunUrl } from './bun-url.ts';
import { lazy } from './lazy.ts';
import { relativePath } from './paths.ts';

export const commitShaSchema = lazy(() => z.string().length(40).regex(/^[a-f0-9]{40}$/, 'Must be a full 40-character lowercase git commit SHA'));

/** An npm package name (no path traversal, scoped or not). */
export const npmPackageNameSchema = lazy(() =>
  z
    .string()
    .refine((p) => !p.includes('..') && !p.includes('//'), 'Package name cannot contain path traversal patterns')
    .refine((p) => /^@[a-z0-9][a-z0-9-._]*\/[a-z0-9][a-z0-9-._]*$/.test(p) || /^[a-z0-9][a-z0-9-._]*$/.test(p), 'Invalid npm package name format'),
);

const gitRef = () => z.string().optional().describe('Git branch or tag to use (e.g., "main", "v1.0.0"). Defaults to repository default branch.');

/** Where a marketplace entry's plugin comes from. Objects are not strict: unknown keys are ignored. */
export const pluginSourceSchema = lazy(() =>
  z.union([
    z.preprocess((v) => (v === '.' ? './' : v), relativePath()).describe('Path to the plugin root, relative to the marketplace root'),
    z.object({
      source: z.literal('npm'),
      package: npmPackageNameSchema().or(
        z.string().refine((p) => /^(?:file|https?|git(?:\+https?|\+ssh)?|ssh|github|gitlab|bitbucket):/i.test(p) || !p.includes('..'), 'Package reference cannot contain ".." path segments'),
      ),
      version: z.string().optional(),
      registry: bunUrl().optional(),
    }),
    z.object({ source: z.literal('url'), url: z.string().describe('Full git repository URL (https:// or git@)'), ref: gitRef(), sha: commitShaSchema().optional() }),
    z.object({ source: z.literal('github'), repo: z.string().describe('GitHub repository in owner/repo format'), ref: gitRef(), sha: commitShaSchema().optional() }),
    z.object({ source: z.literal('git-subdir'), url: z.string(), path: z.string().min(1), ref: gitRef(), sha: commitShaSchema().optional() }),
    z.object({ source: z.literal('unsupported') }),
  ]),
);
