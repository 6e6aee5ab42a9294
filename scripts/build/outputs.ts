/**
 * What `npm run build` produces. Entry points become self-contained ESM bundles in dist/
 * (Claude Code copies the git tree and never runs npm install, so dist/ is committed).
 * Generators write checked-in sources (compiled ajv validators, JSON Schemas derived from code).
 */
export const ENTRY_POINTS: Record<string, string> = {
  mp: 'scripts/cli/mp.ts',
  'hooks/post-tool-use': 'scripts/hooks/post-tool-use.ts',
  'hooks/pre-tool-use': 'scripts/hooks/pre-tool-use.ts',
  'hooks/session-start': 'scripts/hooks/session-start.ts',
};

export interface GeneratedFile { path: string; content: string }
/** Each generator module exports `generate(): Promise<GeneratedFile[]>`; paths are repo-relative. */
export const GENERATORS: Array<() => Promise<{ generate(): Promise<GeneratedFile[]> }>> = [
  () => import('./generators/ajv-validators.ts'),
  () => import('./generators/claude-schemas.ts'),
];
