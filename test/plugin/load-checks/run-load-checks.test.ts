import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LOAD_RULES, runLoadChecks } from '../../../scripts/plugin/load-checks/run-load-checks.ts';
import { REPO } from '../../helpers/claude.ts';
import { contextsOf, json } from './helpers.ts';
import { testdir } from '../../helpers/testdir.ts';

const DIR = join(REPO, 'scripts/plugin/load-checks');

test('every rule file is registered once, exports a unique load/ RULE id, and has a test', async () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !['plugin-context.ts', 'build-contexts.ts', 'run-load-checks.ts'].includes(f));
  const ids = new Set<string>();
  for (const f of files) {
    const mod = await import(join(DIR, f));
    assert.match(mod.RULE, /^load\/[a-z-]+$/, f);
    assert.ok(!ids.has(mod.RULE), `duplicate id ${mod.RULE}`);
    ids.add(mod.RULE);
    const fn = Object.values(mod).find((v) => typeof v === 'function') as (...a: unknown[]) => unknown;
    assert.ok(LOAD_RULES.includes(fn as never), `${f} is not in LOAD_RULES`);
    assert.ok(readdirSync(join(REPO, 'test/plugin/load-checks')).includes(f.replace(/\.ts$/, '.test.ts')), `${f} has no test`);
  }
  assert.equal(LOAD_RULES.length, files.length);
});

test('runLoadChecks contains a crashing rule and reports it as a warning', () => {
  const [ctx] = contextsOf(testdir({ '.claude-plugin/plugin.json': json({ name: 'p' }) }));
  const boom = () => { throw new Error('boom'); };
  const out = runLoadChecks(ctx, [boom]);
  assert.equal(out.length, 1);
  assert.equal(out[0].rule, 'load/internal-error');
  assert.equal(out[0].severity, 'warning');
});

test('a clean plugin has no load findings', () => {
  const root = testdir({
    '.claude-plugin/plugin.json': json({ name: 'clean', version: '1.0.0', description: 'd', hooks: './extra.json' }),
    'hooks/hooks.json': json({ hooks: { PostToolUse: [{ matcher: 'Write|Edit', hooks: [{ type: 'command', command: '"${CLAUDE_PLUGIN_ROOT}/hooks/run.sh"' }] }] } }),
    'hooks/run.sh': { content: '#!/bin/sh\n', mode: 0o755 },
    'extra.json': json({ hooks: { Stop: [{ hooks: [{ type: 'prompt', prompt: 'check' }] }] } }),
    '.mcp.json': json({ mcpServers: { s: { command: 'node', args: ['${CLAUDE_PLUGIN_ROOT}/server.js'] } } }),
    'server.js': '',
    'commands/hello.md': '---\ndescription: Say hello\n---\nHello\n',
    'agents/rev.md': '---\ndescription: Reviews code\ntools: Read\n---\nReview\n',
    'skills/greet/SKILL.md': '---\nname: greet\ndescription: Greets. Use when the user says hi.\n---\nHi\n',
  });
  assert.deepEqual(contextsOf(root).flatMap((c) => runLoadChecks(c)), []);
});
