import { test } from 'node:test';
import { componentFilesFitSizeCap, RULE, COMPONENT_BYTE_CAP } from '../../../scripts/plugin/load-checks/component-files-fit-size-cap.ts';
import { json, runTable } from './helpers.ts';

const big = '---\ndescription: big\n---\n' + 'x'.repeat(COMPONENT_BYTE_CAP);
const exact = 'x'.repeat(COMPONENT_BYTE_CAP);

test('componentFilesFitSizeCap', () => runTable(componentFilesFitSizeCap, RULE, [
  { name: 'command, agent, skill over the cap', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }), 'commands/sub/big.md': big, 'agents/a.md': big, 'skills/s/SKILL.md': big }, expect: ['error', 'error', 'error'] },
  { name: 'listed command file', spec: { '.claude-plugin/plugin.json': json({ name: 'p', commands: ['./extra/c.md'] }), 'extra/c.md': big }, expect: ['error'] },
  { name: 'exactly 1 MiB loads', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }), 'commands/ok.md': exact }, expect: [] },
  { name: 'big files that are not components', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }), 'skills/s/references/big.md': big, 'docs/big.md': big }, expect: [] },
]));
