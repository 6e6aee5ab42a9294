import * as z from 'zod';
import { bunUrl } from './bun-url.ts';
import { lazy } from './lazy.ts';

/** Every path in a manifest is relative to the plugin root and must start with `./`. */
export const relativePath = lazy(() => z.string().startsWith('./'));
export const jsonPath = lazy(() => relativePath().endsWith('.json'));
export const markdownPath = lazy(() => relativePath().endsWith('.md'));
/** A command: a markdown file or a skill directory. */
export const commandPath = lazy(() => z.union([markdownPath(), relativePath()]));
/** An MCPB bundle: a relative path or a URL ending in .mcpb/.dxt. */
export const mcpbPath = lazy(() =>
  z.union([
    relativePath().refine((p) => p.endsWith('.mcpb') || p.endsWith('.dxt'), { message: 'MCPB file path must end with .mcpb or .dxt' }),
    bunUrl((u) => u.refine((p) => p.endsWith('.mcpb') || p.endsWith('.dxt'), { message: 'MCPB URL must end with .mcpb or .dxt' })),
  ]),
);
