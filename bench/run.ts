// `npm run bench`: run every section (or those named on the command line) and write bench/RESULTS.md.
import { join } from 'node:path';
import { writeSection } from './lib.ts';

const SECTIONS: Record<string, () => Promise<{ default: () => Promise<string> }>> = {
  validate: () => import('./sections/validate.ts'),
  federation: () => import('./sections/federation.ts'),
  'corpus-grades': () => import('./corpus-grades.ts'),
};

const RESULTS = join(import.meta.dirname, 'RESULTS.md');
const wanted = process.argv.slice(2);
for (const [id, load] of Object.entries(SECTIONS)) {
  if (wanted.length && !wanted.includes(id)) continue;
  process.stderr.write(`bench: ${id}…\n`);
  const body = await (await load()).default();
  writeSection(RESULTS, id, body);
  process.stdout.write(body + '\n\n');
}
