// Claude Code runs the committed dist/ bundles; this fails when they are not what `npm run build` makes now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bundle } from '../../scripts/build/bundle.ts';
import { runGenerators } from '../../scripts/build/generate.ts';
import { REPO } from '../helpers/claude.ts';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

test('generated sources are up to date (run npm run build)', async () => {
  for (const f of await runGenerators()) {
    let current = '';
    try { current = readFileSync(join(REPO, f.path), 'utf8'); } catch { /* missing counts as stale */ }
    assert.equal(current, f.content, `${f.path} is stale: run npm run build and commit the result`);
  }
});

test('dist/ equals a fresh build of scripts/ (run npm run build)', async () => {
  const out = mkdtempSync(join(tmpdir(), 'mp-dist-'));
  try {
    await bundle(REPO, out);
    const fresh = listFiles(out);
    assert.deepEqual(listFiles(join(REPO, 'dist')), fresh, 'dist/ file list differs from a fresh build');
    for (const f of fresh) {
      assert.ok(readFileSync(join(out, f)).equals(readFileSync(join(REPO, 'dist', f))), `dist/${f} is stale: run npm run build and commit it`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
