// A third batch for the differential check: values whose verdict depends on the JavaScript engine
// (Claude Code runs on Bun/JavaScriptCore, mp on Node/V8): URLs (`new URL` behind zod's url()) and
// regular expressions (`new RegExp` behind relevance.manifestDeps).
import type { CraftedCase } from '../../fixtures/crafted/cases.ts';

const j = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
const P = '.claude-plugin/plugin.json';
const M = '.claude-plugin/marketplace.json';
const base = { name: 'p', version: '1.0.0', description: 'd', author: { name: 'a' } };

const URLS = [
  'http://1.2.3.4.5', 'http://0x100000000', 'http://256.0.0.1', 'http://1.2.3.08', 'http://0x7f.1', 'http://[::1]', 'http://[::1', 'http://[1:2:3:4:5:6:7:8:9]',
  'http://a b', 'http://a<b', 'http://a^b', 'http://a|b', 'http://a%00b', 'http://%41.com', 'http://a%2Fb', 'https://ü.com', 'https://xn--', 'https://xn--a.com',
  'https://xn--ls8h.la', 'http://ß.de', 'http://\u00ad', 'http://a\u200bb.com', 'http://😀.com', 'http://a..b', 'http://.', 'http://..', 'http://a.', 'http://x:99999',
  'http://x:0', 'http://x:', 'http://@x', 'http://:@x', 'http://x@', 'http:\\\\x', 'http:/x', 'http:x', 'https:', 'https://', 'a:', 'x:y', '1a:b', 'C:\\x',
  'javascript:alert(1)', 'mailto:', 'file:', 'file://host/x', 'ws://x', 'git+https://x/r.git', 'git@github.com:o/r.git', ' https://x ', 'https://x\n', 'https://x/\u0000',
  'https://x/%zz', 'https://x?a=%', 'https://x#%', 'https://x/ a', 'HTTPS://X', 'https://x.com:443', 'https://-x.com', 'https://x-.com', 'https://x_y.com', 'https://a.b.c.d.e.f',
  'https://x.com/' + 'a'.repeat(3000), 'https://' + 'a'.repeat(64) + '.com', 'https://' + 'a'.repeat(300) + '.com', 'http://0', 'http://4294967295', 'http://4294967296',
  'http://1.2.3', 'http://1.2.3.4.', 'http://09.1.1.1', 'https://x:65535', 'https://x:65536', 'https://[v1.x]', 'https://[::ffff:1.2.3.4]', 'https://[0:0:0:0:0:0:0:0]',
  'https://x.com\\y', 'sc://ñ', 'non-spec:/..//x', 'about:blank', 'data:text/plain,x', 'https://x%2e%2e', 'https://%C3%BC.com', 'https://x\u3002com', 'https://ＥＸＡＭＰＬＥ.com',
  'https://x\u2028.com', 'https://a\u0009b.com', 'http://\u0000', 'https://x.com/\ud800', 'https://[::1]:80', 'https://user:pass@x.com', 'https://x.com:080', 'https://xn--nxasmq6b.com',
];

const REGEXES = [
  '(?<a>x)|(?<a>y)', '(?i:a)', '(?i)a', '(?-i:a)', '\\p{L}', '[\\p{L}]', 'a{2,1}', '\\k<a>', '(?<a>x)\\k<b>', ']', '{', 'a{', 'x{1', '{1}', 'a{1}{2}', '[\\d-z]', '[z-a]',
  '(?=a)*', '(?!a)+', '(?<=a)*', '(?<𝒜>x)', '(?<a-b>x)', '(?<1>x)', '(?<>x)', '\\c', '\\c1', '[\\c1]', '\\u{1F600}', '\\u{110000}', '\\8', '\\1(a)', '(?:', '(', ')', '*',
  '+a', 'a**', 'a??', 'a{1,2}?', '\\', 'a\\', '[', '[]', '[^]', '[a-\\d]', '\\b*', '^*', '$+', 'a|*', '(?<n>a)(?<n>b)', '(?<n>a)|(?:(?<n>b))', '[[a]]', '[a&&b]', '[\\q{a}]',
  '\\Q', '\\A', '\\z', '\\Z', '(?P<a>x)', '(?#c)', '\\x', '\\x1', '\\xZZ', '\\u', '\\u12', '\\0', '\\00', '\\07', '[\\b]', '\\B+', '(?<=(?<a>x))', 'a{99999999999}', 'a{2147483648}',
  '.*'.repeat(60), '(a)'.repeat(80), '\\p{Script=Greek}', '\\P{L}', '\\p', '\\p{', 'package\\.json', '(^|/)Cargo\\.toml$', 'requirements.*\\.txt', '[',
];

export function generateRuntimeCases(): CraftedCase[] {
  const out: CraftedCase[] = [];
  URLS.forEach((u, i) => {
    out.push({ name: `ru-homepage-${i}`, tree: { [P]: j({ ...base, homepage: u }) } });
    out.push({ name: `ru-hook-${i}`, tree: { [P]: j(base), 'hooks/hooks.json': j({ hooks: { Stop: [{ hooks: [{ type: 'http', url: u }] }] } }) } });
    out.push({ name: `ru-registry-${i}`, tree: { [M]: j({ name: 'm', owner: { name: 'o' }, description: 'd', plugins: [{ name: 'a', source: { source: 'npm', package: 'pkg', registry: u } }] }) } });
    out.push({ name: `ru-mcpb-${i}`, tree: { [P]: j({ ...base, mcpServers: `${u}.mcpb` }) } });
    out.push({ name: `ru-oauth-${i}`, tree: { [P]: j({ ...base, mcpServers: { s: { type: 'http', url: 'https://x', oauth: { authServerMetadataUrl: u } } } }) } });
  });
  const uniq = [...new Set(REGEXES)];
  uniq.forEach((r, i) => {
    out.push({ name: `rr-pattern-${i}`, tree: { [M]: j({ name: 'm', owner: { name: 'o' }, description: 'd', plugins: [{ name: 'a', source: { source: 'github', repo: 'o/r' }, relevance: { signals: { manifestDeps: [{ file: 'package\\.json', pattern: r }] } } }] }) } });
    out.push({ name: `rr-file-${i}`, tree: { [M]: j({ name: 'm', owner: { name: 'o' }, description: 'd', plugins: [{ name: 'a', source: { source: 'github', repo: 'o/r' }, relevance: { signals: { manifestDeps: [{ file: r, pattern: 'x' }] } } }] }) } });
  });
  return out;
}
