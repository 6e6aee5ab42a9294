import { test } from 'node:test';
import { pluginAgentsUseSupportedKeys, RULE } from '../../../scripts/plugin/load-checks/plugin-agents-use-supported-keys.ts';
import { json, runTable } from './helpers.ts';

test('pluginAgentsUseSupportedKeys', () => runTable(pluginAgentsUseSupportedKeys, RULE, [
  { name: 'permissionMode, hooks, mcpServers', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }), 'agents/a.md': '---\ndescription: x\npermissionMode: acceptEdits\nhooks: {}\nmcpServers: [a]\n---\nbody\n' }, expect: ['warning permissionMode @3', 'warning hooks @4', 'warning mcpServers @5'] },
  { name: 'listed agent file', spec: { '.claude-plugin/plugin.json': json({ name: 'p', agents: './x/a.md' }), 'x/a.md': '---\npermissionMode: plan\n---\n' }, expect: ['warning permissionMode @2'] },
  { name: 'supported keys only', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }), 'agents/a.md': '---\ndescription: x\ntools: Read\nmodel: sonnet\n---\n' }, expect: [] },
  { name: 'skills may use hooks', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }), 'skills/s/SKILL.md': '---\nhooks: {}\n---\n' }, expect: [] },
]));
