import * as z from 'zod';
import { lazy } from './lazy.ts';

/** One userConfig option. Strict: an unknown key is `Unrecognized key: "extra"`. */
export const userConfigOptionSchema = lazy(() =>
  z
    .object({
      type: z.enum(['string', 'number', 'boolean', 'directory', 'file']).describe('Type of the configuration value'),
      title: z.string().describe('Human-readable label shown in the config dialog'),
      description: z.string().describe('Help text shown beneath the field in the config dialog'),
      required: z.boolean().optional(),
      default: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
      multiple: z.boolean().optional(),
      sensitive: z.boolean().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
    })
    .strict(),
);

/** Option keys become CLAUDE_PLUGIN_OPTION_<KEY> env vars, hence identifiers only. */
export const userConfigSchema = lazy(() =>
  z.record(
    z.string().regex(/^[A-Za-z_]\w*$/, 'Option keys must be valid identifiers (letters, digits, underscore; no leading digit) — they become CLAUDE_PLUGIN_OPTION_<KEY> env vars in hooks'),
    userConfigOptionSchema(),
  ),
);
