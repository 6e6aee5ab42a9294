import { test } from 'node:test';
import { componentNamesAreUnique, RULE } from '../../../scripts/plugin/lint/component-names-are-unique.ts';
import { json, runTable } from '../load-checks/helpers.ts';

const P = { '.claude-plugin/plugin.json': json({ name: 'p' }) };

test('componentNamesAreUnique', () => runTable(componentNamesAreUnique, RULE, [
  { name: 'command and skill with one name', spec: { ...P, 'commands/deploy.md': '', 'skills/deploy/SKILL.md': '' }, expect: ['warning'] },
  { name: 'case-insensitive', spec: { ...P, 'commands/Deploy.md': '', 'commands/deploy.md': '' }, expect: ['warning'] },
  { name: 'an agent may share a command name', spec: { ...P, 'commands/review-code.md': '', 'agents/review-code.md': '' }, expect: [] },
  { name: 'nested commands differ', spec: { ...P, 'commands/a/x.md': '', 'commands/b/x.md': '' }, expect: [] },
]));
