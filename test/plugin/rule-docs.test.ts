import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_DOCS } from '../../scripts/plugin/rule-docs.ts';
import { REPO } from '../helpers/claude.ts';

test('every load and lint rule id has a one-line description, and every description a rule', async () => {
  const ids = new Set(['load/symlink-outside-root', 'load/internal-error', 'lint/internal-error']);
  for (const dir of ['scripts/plugin/load-checks', 'scripts/plugin/lint']) {
    for (const f of readdirSync(join(REPO, dir)).filter((n) => n.endsWith('.ts'))) {
      const mod = await import(join(REPO, dir, f));
      if (typeof mod.RULE === 'string') ids.add(mod.RULE);
    }
  }
  assert.deepEqual([...ids].sort(), Object.keys(RULE_DOCS).sort());
});
