import { build, type Plugin } from 'esbuild';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { CJS_ENTRY_POINTS, ENTRY_POINTS } from './outputs.ts';

/**
 * Packages the CommonJS hook bundles load only on first use: each becomes `dist/hooks/<name>.cjs` of its
 * own, and the bundles that import it get a stand-in whose exports require it when first touched. The
 * PostToolUse hook needs yaml for a markdown edit, not for a plugin.json edit.
 */
const LAZY_PACKAGES = ['yaml'];

/**
 * Bundle every entry point into `outdir`. Code splitting keeps hook fast paths small: a hook
 * bundle decides from the event before it dynamic-imports the heavy validator chunk.
 * The `require` shim lets bundled CommonJS packages (ajv, sigstore) load node built-ins from ESM.
 * CJS_ENTRY_POINTS become self-contained CommonJS files (see outputs.ts).
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
  await build({
    absWorkingDir: root,
    entryPoints: { ...CJS_ENTRY_POINTS, ...Object.fromEntries(LAZY_PACKAGES.map((p) => [`hooks/${p}`, p])) },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // import() of a sibling entry becomes Promise.resolve().then(() => require(…)): no ESM loader at all.
    supported: { 'dynamic-import': false },
    define: { 'import.meta.dirname': '__dirname', MP_CJS_BUNDLE: 'true' },
    minify: true,
    legalComments: 'linked',
    plugins: [siblingEntries(root), lazyPackages(root)],
    logLevel: 'warning',
    metafile: false,
  });
}

/** An import of another CommonJS entry's source is left to run time, as a require of that entry's bundle. */
function siblingEntries(root: string): Plugin {
  const outputs = new Map(Object.entries(CJS_ENTRY_POINTS).map(([name, src]) => [resolve(root, src), `./${basename(name)}.cjs`]));
  return {
    name: 'sibling-cjs-entries',
    setup(b) {
      b.onResolve({ filter: /\.ts$/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const out = outputs.get(resolve(args.resolveDir, args.path));
        return out === undefined ? undefined : { path: out, external: true };
      });
    },
  };
}

/**
 * A package's ES module build when it ships one: scope-hoisted, it loads in half the time of the CommonJS
 * build's module-by-module wrappers. yaml's is `browser/` (the same sources; it only logs its rare
 * warnings with console.warn instead of process.emitWarning).
 */
function esmBuild(req: NodeJS.Require, pkg: string): string {
  const esm = (req(`${pkg}/package.json`) as { browser?: Record<string, string> }).browser?.['./dist/index.js'];
  return esm === undefined ? req.resolve(pkg) : join(req.resolve(`${pkg}/package.json`), '..', esm);
}

/** See LAZY_PACKAGES. The stand-in is CommonJS, so esbuild reads each named import at its use, not at load. */
function lazyPackages(root: string): Plugin {
  const req = createRequire(join(root, 'package.json'));
  const names = new Map(LAZY_PACKAGES.map((p) => [p, Object.keys(req(p) as object).sort()]));
  const filter = new RegExp(`^(${LAZY_PACKAGES.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
  return {
    name: 'lazy-packages',
    setup(b) {
      b.onResolve({ filter }, (args) => (args.kind === 'entry-point' ? { path: esmBuild(req, args.path) } : { path: args.path, namespace: 'lazy-package' }));
      b.onResolve({ filter: /^\.\/[\w-]+\.cjs$/, namespace: 'lazy-package' }, (args) => ({ path: args.path, external: true }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
        loader: 'js',
        contents: `let m;\nconst load = () => (m ??= require('./${args.path}.cjs'));\nfor (const n of ${JSON.stringify(names.get(args.path))}) Object.defineProperty(exports, n, { enumerable: true, get: () => load()[n] });\n`,
      }));
    },
  };
}
