import * as z from 'zod';
import { lazy } from './lazy.ts';

/** Names reserved for official Anthropic marketplaces. `validate` accepts them; `marketplace add` does not. */
export const RESERVED_MARKETPLACE_NAMES: ReadonlySet<string> = new Set([
  'claude-code-marketplace', 'claude-code-plugins', 'claude-plugins-official', 'anthropic-marketplace', 'anthropic-plugins',
  'agent-skills', 'anthropic-agent-skills', 'life-sciences', 'knowledge-work-plugins', 'claude-for-legal',
  'claude-for-financial-services', 'financial-services-plugins', 'claude-community', 'claude-plugins-community',
]);

const OFFICIAL_LOOKALIKE = /(?:official[^a-z0-9]*(anthropic|claude)|(?:anthropic|claude)[^a-z0-9]*official|^(?:anthropic|claude)[^a-z0-9]*(marketplace|plugins|official))/i;
const NON_PRINTABLE_ASCII = /[^\u0020-\u007E]/;

/** True for names that pose as an official marketplace (any non-ASCII character counts: homoglyphs). */
export function impersonatesOfficialMarketplace(name: string): boolean {
  if (RESERVED_MARKETPLACE_NAMES.has(name.toLowerCase())) return false;
  if (NON_PRINTABLE_ASCII.test(name)) return true;
  return OFFICIAL_LOOKALIKE.test(name);
}

export const marketplaceNameSchema = lazy(() =>
  z
    .string()
    .min(1, 'Marketplace must have a name')
    .refine((n) => !n.includes(' '), { message: 'Marketplace name cannot contain spaces. Use kebab-case (e.g., "my-marketplace")' })
    .refine((n) => !n.includes('/') && !n.includes('\\') && !n.includes('..') && n !== '.', { message: 'Marketplace name cannot contain path separators (/ or \\), ".." sequences, or be "."' })
    .refine((n) => !impersonatesOfficialMarketplace(n), { message: 'Marketplace name impersonates an official Anthropic/Claude marketplace' })
    .refine((n) => n.toLowerCase() !== 'inline', { message: 'Marketplace name "inline" is reserved for --plugin-dir session plugins' })
    .refine((n) => n.toLowerCase() !== 'builtin', { message: 'Marketplace name "builtin" is reserved for built-in plugins' })
    .refine((n) => n.toLowerCase() !== 'skills-dir', { message: 'Marketplace name "skills-dir" is reserved for plugins auto-loaded from .claude/skills/' }),
);
