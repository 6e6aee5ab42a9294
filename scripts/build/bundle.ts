import { build } from 'esbuild';
import { ENTRY_POINTS } from './outputs.ts';

/**
 * Bundle every entry point into `outdir`. Code splitting keeps hook fast paths small: a hook
 * bundle decides from the event before it dynamic-imports the heavy validator chunk.
 * The `require` shim lets bundled CommonJS packages (ajv, sigstore) load node built-ins from ESM.
 */
export async function bundle(root: string, outdir: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: "import{createRequire as __mpCreateRequire}from'node:module';const require=__mpCreateRequire(import.meta.url);" },
    logLevel: 'warning',
    metafile: false,
  });
}
