import { test } from 'node:test';
import { lspConfigIsValid, RULE } from '../../../scripts/plugin/load-checks/lsp-config-is-valid.ts';
import { json, runTable } from './helpers.ts';

const GOOD = { command: 'typescript-language-server', args: ['--stdio'], extensionToLanguage: { '.ts': 'typescript' } };
const lsp = (body: string, manifest: Record<string, unknown> = {}, files: Record<string, string> = {}) => ({ '.claude-plugin/plugin.json': json({ name: 'p', ...manifest }), '.lsp.json': body, ...files });

test('lspConfigIsValid', () => runTable(lspConfigIsValid, RULE, [
  { name: 'bad JSON', spec: lsp('{'), expect: ['error'] },
  { name: 'command with spaces', spec: lsp(json({ ts: { ...GOOD, command: 'npx tsserver' } })), expect: ['error ts @2'] },
  { name: 'unknown key (strict)', spec: lsp(json({ ts: { ...GOOD, extra: 1 } })), expect: ['error ts @2'] },
  { name: 'extension without a dot', spec: lsp(json({ ok: GOOD, ts: { ...GOOD, extensionToLanguage: { ts: 'typescript' } } })), expect: ['error ts @11'] },
  { name: 'not an object', spec: lsp('[]'), expect: ['error root'] },
  { name: 'referenced file', spec: lsp(json({ ok: GOOD }), { lspServers: './more.json' }, { 'more.json': json({ x: {} }) }), expect: ['error x @2'] },
  { name: 'valid', spec: lsp(json({ ts: GOOD })), expect: [] },
]));
