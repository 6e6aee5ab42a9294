import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mcpConfigIsValid, RULE } from '../../../scripts/plugin/load-checks/mcp-config-is-valid.ts';
import { check, json, runTable } from './helpers.ts';

const mcp = (body: string, manifest: Record<string, unknown> = {}, files: Record<string, string> = {}) => ({ '.claude-plugin/plugin.json': json({ name: 'p', ...manifest }), '.mcp.json': body, ...files });

test('mcpConfigIsValid', () => runTable(mcpConfigIsValid, RULE, [
  { name: 'bad JSON', spec: mcp('{bad'), expect: ['error'] },
  { name: 'BOM', spec: mcp('\uFEFF{}'), expect: ['error'] },
  { name: 'empty command', spec: mcp(json({ mcpServers: { s: { command: '' } } })), expect: ['error mcpServers.s @3'] },
  { name: 'args not strings', spec: mcp(json({ mcpServers: { ok: { command: 'x' }, s: { command: 'x', args: [1, 2] } } })), expect: ['error mcpServers.s @6'] },
  { name: 'http without url (bare map)', spec: mcp(json({ s: { type: 'http' } })), expect: ['error s @2'] },
  { name: 'unknown type', spec: mcp(json({ s: { type: 'grpc', url: 'x' } })), expect: ['error s @2'] },
  { name: 'literal url that is not a URL', spec: mcp(json({ s: { type: 'sse', url: 'not a url' } })), expect: ['error s @2'] },
  { name: 'servers not an object', spec: mcp(json({ mcpServers: [] })), expect: ['error mcpServers @2'] },
  { name: 'referenced file is checked too', spec: mcp(json({}), { mcpServers: './more.json' }, { 'more.json': json({ s: { command: '' } }) }), expect: ['error s @2'] },
  { name: 'valid stdio, http with ${} url, ws', spec: mcp(json({ mcpServers: { a: { command: 'node', args: ['x'] }, b: { type: 'http', url: '${user_config.URL}' }, c: { type: 'ws', url: 'wss://x.test' } } })), expect: [] },
  { name: 'inline servers are the claude level\'s', spec: { '.claude-plugin/plugin.json': json({ name: 'p', mcpServers: { s: { command: '' } } }) }, expect: [] },
  { name: 'no .mcp.json', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }) }, expect: [] },
]));

test('mcpConfigIsValid explains the matching server type', () => {
  const [f] = check(mcpConfigIsValid, mcp(json({ mcpServers: { s: { command: '' } } })));
  assert.match(f.message, /command: Command cannot be empty/);
  const [g] = check(mcpConfigIsValid, mcp('{bad'));
  assert.match(g.message, /^Invalid JSON syntax: JSON Parse error: /);
});
