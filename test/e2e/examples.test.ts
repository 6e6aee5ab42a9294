// examples/marketplace is what `npm start` validates: it must install in the real Claude Code, pass
// claude's own validator with exactly one warning (so the demo output has something to show), and
// mp validate must print what claude prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runClaude, runMp, tempHome } from '../helpers/claude.ts';

const MARKETPLACE = join(REPO, 'examples/marketplace');
const PLUGINS = ['code-review', 'test-guard', 'release-notes'];

test('claude plugin validate: the marketplace passes with one warning, every plugin passes --strict', () => {
  const home = tempHome();
  try {
    const m = runClaude(['plugin', 'validate', MARKETPLACE], { home });
    assert.equal(m.code, 0, m.stdout + m.stderr);
    assert.match(m.stdout, /⚠ Found 1 warning:/);
    assert.match(m.stdout, /✔ Validation passed with warnings/);
    for (const p of PLUGINS) {
      const r = runClaude(['plugin', 'validate', '--strict', join(MARKETPLACE, 'plugins', p)], { home });
      assert.equal(r.code, 0, `${p}: ${r.stdout}${r.stderr}`);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('npm start output: mp validate prints what claude plugin validate prints', () => {
  const home = tempHome();
  try {
    const claude = runClaude(['plugin', 'validate', MARKETPLACE], { home });
    const mp = runMp(['validate', '--claude-compat', 'examples/marketplace'], { cwd: REPO });
    assert.equal(mp.code, claude.code);
    assert.equal(mp.stdout, claude.stdout);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('every example plugin installs from the marketplace', () => {
  const home = tempHome();
  try {
    const add = runClaude(['plugin', 'marketplace', 'add', MARKETPLACE], { home });
    assert.equal(add.code, 0, add.stdout + add.stderr);
    for (const p of PLUGINS) {
      const r = runClaude(['plugin', 'install', `${p}@acme-tools`], { home });
      assert.equal(r.code, 0, `${p}: ${r.stdout}${r.stderr}`);
    }
    const list = JSON.parse(runClaude(['plugin', 'list', '--json'], { home }).stdout) as Array<{ id: string; enabled: boolean }>;
    assert.deepEqual(list.filter((p) => p.enabled).map((p) => p.id).sort(), PLUGINS.map((p) => `${p}@acme-tools`).sort());
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
