import { test } from 'node:test';
import { channelServersExist, RULE } from '../../../scripts/plugin/load-checks/channel-servers-exist.ts';
import { json, runTable } from './helpers.ts';

test('channelServersExist', () => runTable(channelServersExist, RULE, [
  { name: 'server not defined', spec: { '.claude-plugin/plugin.json': json({ name: 'p', channels: [{ server: 'nope' }] }), '.mcp.json': json({ mcpServers: { s: { command: 'x' } } }) }, expect: ['error channels.0.server @5'] },
  { name: 'no MCP servers at all', spec: { '.claude-plugin/plugin.json': json({ name: 'p', channels: [{ server: 'chat' }] }) }, expect: ['error channels.0.server @5'] },
  { name: 'server from .mcp.json (bare map)', spec: { '.claude-plugin/plugin.json': json({ name: 'p', channels: [{ server: 's' }] }), '.mcp.json': json({ s: { command: 'x' } }) }, expect: [] },
  { name: 'inline server', spec: { '.claude-plugin/plugin.json': json({ name: 'p', mcpServers: { chat: { command: 'x' } }, channels: [{ server: 'chat' }] }) }, expect: [] },
]));
