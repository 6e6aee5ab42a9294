import { test } from 'node:test';
import { hookPathsUsePluginRoot, RULE } from '../../../scripts/plugin/load-checks/hook-paths-use-plugin-root.ts';
import { json, runTable } from './helpers.ts';

const hooks = (command: string) => ({
  '.claude-plugin/plugin.json': json({ name: 'p' }),
  'hooks/hooks.json': json({ hooks: { PostToolUse: [{ matcher: 'Write', hooks: [{ type: 'command', command }] }] } }),
  'hooks/check.sh': '#!/bin/sh\n',
  'scripts/x.py': '',
});

test('hookPathsUsePluginRoot', () => runTable(hookPathsUsePluginRoot, RULE, [
  { name: 'bash hooks/check.sh', spec: hooks('bash hooks/check.sh'), expect: ['error hooks.PostToolUse.0.hooks.0.command @9'] },
  { name: './scripts/x.py', spec: hooks('cd /tmp; ./scripts/x.py'), expect: ['error hooks.PostToolUse.0.hooks.0.command @9'] },
  { name: 'through the plugin root', spec: hooks('bash "${CLAUDE_PLUGIN_ROOT}/hooks/check.sh"'), expect: [] },
  { name: 'relative paths that are not plugin files', spec: hooks('npx prettier --write src/index.ts && cat /etc/hosts'), expect: [] },
]));
