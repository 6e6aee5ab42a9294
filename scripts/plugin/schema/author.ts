import * as z from 'zod';
import { lazy } from './lazy.ts';

/** `author` in plugin.json and `owner` in marketplace.json. */
export const authorSchema = lazy(() =>
  z.object({
    name: z.string().min(1, 'Author name cannot be empty').describe('Display name of the plugin author or organization'),
    email: z.string().optional().describe('Contact email for support or feedback'),
    url: z.string().optional().describe('Website, GitHub profile, or organization URL'),
  }),
);
