import { test } from 'node:test';
import { hookScriptsExist, RULE } from '../../../scripts/plugin/load-checks/hook-scripts-exist.ts';
import { json, runTable } from './helpers.ts';

const hooks = (hook: Record<string, unknown>, files: Record<string, string> = {}) => ({
  '.claude-plugin/plugin.json': json({ name: 'p' }),
  'hooks/hooks.json': json({ hooks: { SessionStart: [{ hooks: [{ type: 'command', ...hook }] }] } }),
  ...files,
});

test('hookScriptsExist', () => runTable(hookScriptsExist, RULE, [
  { name: 'missing script', spec: hooks({ command: '${CLAUDE_PLUGIN_ROOT}/hooks/nope.sh' }), expect: ['error hooks.SessionStart.0.hooks.0.command @8'] },
  { name: 'quoted, through an interpreter, $VAR form', spec: hooks({ command: 'python3 "$CLAUDE_PLUGIN_ROOT/scripts/x.py" --flag' }), expect: ['error hooks.SessionStart.0.hooks.0.command @8'] },
  { name: 'exec-form args', spec: hooks({ command: 'node', args: ['${CLAUDE_PLUGIN_ROOT}/dist/x.js'] }), expect: ['error hooks.SessionStart.0.hooks.0.args.0 @10'] },
  { name: 'present script', spec: hooks({ command: '"${CLAUDE_PLUGIN_ROOT}/hooks/run.sh" && echo ok' }, { 'hooks/run.sh': '#!/bin/sh\n' }), expect: [] },
  { name: 'globs and other variables are not guessed', spec: hooks({ command: 'cat ${CLAUDE_PLUGIN_ROOT}/data/*.txt ${CLAUDE_PLUGIN_ROOT}/$X' }), expect: [] },
  { name: 'plugin root itself', spec: hooks({ command: 'cd ${CLAUDE_PLUGIN_ROOT}/ && ls' }), expect: [] },
  { name: 'inline manifest hooks too', spec: { '.claude-plugin/plugin.json': json({ name: 'p', hooks: { Stop: [{ hooks: [{ type: 'command', command: '${CLAUDE_PLUGIN_ROOT}/gone' }] }] } }) }, expect: ['error hooks.Stop.0.hooks.0.command @9'] },
]));
