// `npm run build`: regenerate checked-in generated sources, then bundle dist/ afresh.
import { mkdir, rm, writeFile, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { bundle } from './bundle.ts';
import { runGenerators } from './generate.ts';

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  for (const f of await runGenerators()) {
    const abs = join(root, f.path);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs + '.tmp', f.content);
    await rename(abs + '.tmp', abs);
  }
  const staging = join(root, `.dist-staging-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await bundle(root, staging);
  // Swap in the new dist/ whole, so a reader never sees a half-built tree.
  const old = join(root, `.dist-old-${process.pid}`);
  await rename(join(root, 'dist'), old).catch(() => undefined);
  await rename(staging, join(root, 'dist'));
  await rm(old, { recursive: true, force: true });
}

await main();
