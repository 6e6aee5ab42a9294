import { test } from 'node:test';
import { manifestPathsExist, RULE } from '../../../scripts/plugin/load-checks/manifest-paths-exist.ts';
import { json, runTable } from './helpers.ts';

const plugin = (m: Record<string, unknown>, files: Record<string, string> = {}) => ({ '.claude-plugin/plugin.json': json({ name: 'p', ...m }), ...files });

test('manifestPathsExist', () => runTable(manifestPathsExist, RULE, [
  { name: 'missing output styles dir', spec: plugin({ outputStyles: './missing' }), expect: ['error outputStyles[0] @3'] },
  { name: 'missing mcp and lsp files in arrays', spec: plugin({ mcpServers: ['./a.json', { s: { command: 'x' } }], lspServers: './lsp.json' }), expect: ['error mcpServers[0] @4', 'error lspServers[0] @11'] },
  { name: 'experimental themes and monitors', spec: plugin({ experimental: { themes: './t', monitors: './m.json' } }), expect: ['error experimental.themes[0] @4', 'error experimental.monitors[0] @5'] },
  { name: 'escaping path', spec: plugin({ outputStyles: './../x' }), expect: ['error outputStyles[0] @3'] },
  { name: 'present paths, MCPB URL, inline servers', spec: plugin({ outputStyles: './styles', mcpServers: ['./m.json', 'https://x.test/a.mcpb', { s: { command: 'x' } }], lspServers: { l: {} } }, { 'styles/a.md': '', 'm.json': '{}' }), expect: [] },
]));
