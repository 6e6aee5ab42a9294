import * as z from 'zod';
import { lazy } from './lazy.ts';

/** `name`, `name@marketplace`, optionally followed by an `@^range` that Claude accepts and drops. */
export const DEPENDENCY_STRING = /^[A-Za-z0-9][-A-Za-z0-9._]*(@[A-Za-z0-9][-A-Za-z0-9._]*)?(@\^[^@]*)?$/;
const NAME = /^[A-Za-z0-9][-A-Za-z0-9._]*$/;

/** One `dependencies[]` item: a string, or a loose `{name, marketplace?, version?, …}` object. */
export const dependencySchema = lazy(() =>
  z.union([
    z.string().regex(DEPENDENCY_STRING, 'Dependency must be a plugin name, optionally qualified with @marketplace').transform((d) => d.replace(/@\^[^@]*$/, '')),
    z
      .object({ name: z.string().min(1).regex(NAME), marketplace: z.string().min(1).regex(NAME).optional() })
      .loose()
      .transform((d) => (d.marketplace ? `${d.name}@${d.marketplace}` : d.name)),
  ]),
);
