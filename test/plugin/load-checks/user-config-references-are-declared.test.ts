import { test } from 'node:test';
import { userConfigReferencesAreDeclared, RULE } from '../../../scripts/plugin/load-checks/user-config-references-are-declared.ts';
import { json, runTable } from './helpers.ts';

const OPT = { type: 'string', title: 't', description: 'd' };
const plugin = (manifest: Record<string, unknown>, files: Record<string, string>) => ({ '.claude-plugin/plugin.json': json({ name: 'p', ...manifest }), ...files });
const hook = (command: string) => json({ hooks: { SessionStart: [{ hooks: [{ type: 'command', command }] }] } });

test('userConfigReferencesAreDeclared', () => runTable(userConfigReferencesAreDeclared, RULE, [
  { name: 'hook, no userConfig at all', spec: plugin({}, { 'hooks/hooks.json': hook('echo ${user_config.nokey}') }), expect: ['error hooks.SessionStart.0.hooks.0.command @8'] },
  { name: 'hook, other key declared', spec: plugin({ userConfig: { other: OPT } }, { 'hooks/hooks.json': hook('echo ${user_config.nokey} ${user_config.other}') }), expect: ['error hooks.SessionStart.0.hooks.0.command @8'] },
  { name: 'MCP env value', spec: plugin({ userConfig: { a: OPT } }, { '.mcp.json': json({ mcpServers: { s: { command: 'x', env: { T: '${user_config.token}' } } } }) }), expect: ['error mcpServers.s.env.T @6'] },
  { name: 'channel userConfig covers its server', spec: plugin({ channels: [{ server: 's', userConfig: { token: OPT } }] }, { '.mcp.json': json({ mcpServers: { s: { command: 'x', env: { T: '${user_config.token}' } } } }) }), expect: [] },
  { name: 'LSP file', spec: plugin({}, { '.lsp.json': json({ ts: { command: 'x', args: ['${user_config.p}'] } }) }), expect: ['error ts.args.0 @5'] },
  { name: 'skill text: undeclared and sensitive', spec: plugin({ userConfig: { key: { ...OPT, sensitive: true } } }, { 'skills/s/SKILL.md': '---\ndescription: d\n---\nUse ${user_config.key}\nand ${user_config.missing}\n' }), expect: ['warning @4', 'warning @5'] },
  { name: 'declared everywhere', spec: plugin({ userConfig: { a: OPT } }, { 'hooks/hooks.json': hook('echo ${user_config.a}'), 'agents/x.md': '---\ndescription: d\n---\n${user_config.a}\n' }), expect: [] },
]));
