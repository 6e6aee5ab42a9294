/**
 * What `npm run build` produces. Entry points become self-contained ESM bundles in dist/
 * (Claude Code copies the git tree and never runs npm install, so dist/ is committed).
 * Generators write checked-in sources (compiled ajv validators, JSON Schemas derived from code).
 */
export const ENTRY_POINTS: Record<string, string> = {
  mp: 'scripts/cli/mp.ts',
  'hooks/pre-tool-use': 'scripts/hooks/pre-tool-use.ts',
  'hooks/session-start': 'scripts/hooks/session-start.ts',
};

/**
 * Hook entries emitted as single-file CommonJS bundles (`dist/<name>.cjs`): Node starts a CommonJS file
 * faster than an ES module, which matters on a path taken on every edit. An `import()` of another entry
 * here stays a lazy `require()` of its bundle (both must sit in the same directory).
 */
export const CJS_ENTRY_POINTS: Record<string, string> = { 'hooks/post-tool-use': 'scripts/hooks/post-tool-use.ts', 'hooks/post-tool-use-check': 'scripts/hooks/post-tool-use-check.ts' };

export interface GeneratedFile { path: string; content: string }
/** Each generator module exports `generate(): Promise<GeneratedFile[]>`; paths are repo-relative. */
export const GENERATORS: Array<() => Promise<{ generate(): Promise<GeneratedFile[]> }>> = [
  () => import('./generators/ajv-validators.ts'),
  () => import('./generators/claude-schemas.ts'),
];
