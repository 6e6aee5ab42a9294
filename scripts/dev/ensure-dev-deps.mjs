// Runs before `npm test`, `npm run build`, `npm run typecheck` and `npm run bench` (package.json pre-scripts).
// The repository's .npmrc sets omit=dev, because Claude Code runs `npm ci --ignore-scripts` inside every
// installed copy of this plugin (it finds package-lock.json at the plugin root) and the plugin needs nothing
// from node_modules at run time: dist/ is self-contained. Development does need the devDependencies (tsx,
// typescript, esbuild, the real claude CLI used as the test oracle…), so when any is missing this installs
// them with `npm ci --include=dev`. Plain JavaScript with no imports beyond node: it runs before they exist.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const missing = Object.keys(pkg.devDependencies ?? {}).filter((name) => !existsSync(join(root, 'node_modules', name, 'package.json')));
if (missing.length > 0) {
  process.stderr.write(`mp: development dependencies missing (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}); .npmrc omits them for installed plugin copies. Running npm ci --include=dev\n`);
  const npmCli = process.env.npm_execpath;
  const r = npmCli && /\.c?js$/.test(npmCli)
    ? spawnSync(process.execPath, [npmCli, 'ci', '--include=dev'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['ci', '--include=dev'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}
