import * as z from 'zod';
import { lazy } from './lazy.ts';

export const BINARY_BASENAME = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9_-])?$/;
export const MAX_FETCHED_BINARIES = 16;
const binaryEntrySchema = lazy(() => z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }));

/** The valid `binaries` entries (basename → {sha256}); undefined when there are none. Never fails. */
export function validBinaries(value: unknown): Record<string, { sha256: string }> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, { sha256: string }> = Object.create(null);
  for (const [name, entry] of Object.entries(value)) {
    const parsed = binaryEntrySchema().safeParse(entry);
    if (BINARY_BASENAME.test(name) && parsed.success) out[name] = parsed.data;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Invalid entries never fail the manifest: they are dropped (and `validate` warns). */
export const binariesSchema = lazy(() => z.unknown().transform(validBinaries));
