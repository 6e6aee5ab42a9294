import * as z from 'zod';
import { lazy } from './lazy.ts';

/** One background monitor (experimental). Strict. */
export const monitorSchema = lazy(() =>
  z.strictObject({
    name: z.string().min(1),
    command: z.string().min(1),
    description: z.string().min(1),
    when: z
      .union([z.literal('always'), z.string().startsWith('on-skill-invoke:').refine((w) => w.length > 16, { message: 'on-skill-invoke: must specify a skill name' })])
      .default('always'),
  }),
);

export const monitorListSchema = lazy(() =>
  z.array(monitorSchema()).refine((ms) => new Set(ms.map((m) => m.name)).size === ms.length, { message: 'Monitor names must be unique within a plugin' }),
);
