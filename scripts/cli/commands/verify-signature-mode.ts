import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandIO } from '../command.ts';
import { EXIT } from '../../core/exit-codes.ts';
import { MpError } from '../../core/errors.ts';
import { SIGNATURE_PATH } from '../../integrity/tree-digest.ts';
import { checkPluginSignature } from '../../io/check-plugin-signature.ts';
import { loadPolicy } from '../../io/load-policy.ts';
import { nodeSignatureFs } from '../../io/node-signature-fs.ts';
import { loadPublicGoodRoot, loadPublicKeyFile } from '../../io/sigstore-material.ts';
import { keylessSignerOf } from '../../trust/signing/keyless-signer-of.ts';
import { parseIdentityArg } from '../../trust/signing/parse-identity-arg.ts';
import { pluginIdentity } from '../../trust/signing/plugin-identity.ts';
import { signerFact } from '../../trust/signing/required-signatures.ts';
import { signerLabel, type SignatureResult } from '../../trust/signing/signature-result.ts';
import { verifyPluginSignature } from '../../trust/signing/verify-plugin-signature.ts';

/**
 * `mp verify <plugin-dir>`: the signature mode of mp verify (the project mode, `mp verify` with no
 * path, lives in verify.ts). Chosen when the argument is a directory with .claude-plugin/, or when
 * --trusted-key / --identity is given.
 */
export const SIGNATURE_MODE_HELP = `mp verify <plugin-dir> [--trusted-key <public.pem>]... [--identity '<issuer>=<subject regex>']...
          [--marketplace <name>] [--json]

Verify the plugin's Sigstore signature (${SIGNATURE_PATH}) for its CURRENT tree, offline.
Exit 0 only when the bundle verifies and names this plugin and its current mp1 tree digest, under:
  --trusted-key <file>   a PEM public key trusted for key-signed bundles (repeatable);
  --identity 'I=S'       a keyless signer trusted: certificate issuer I (exact) and subject (SAN)
                         matching regex S, anchored (repeatable). e.g.
                         'https://token.actions.githubusercontent.com=https://github.com/acme/plugins/\\.github/workflows/release\\.yml@refs/tags/v.*'
  and every trust.requireSignature entry of the policy (.claude/policies/plugins.yaml and the org
  policy) that applies to the plugin (by name, or by --marketplace), each checked on its own.
Keyless bundles are checked against the Sigstore public-good trusted root shipped with mp.
exit codes: 0 verified · 1 not verified (coded reason) · 2 could not run`;

export function isSignatureMode(argv: readonly string[], cwd: string): boolean {
  if (argv.some((a) => a === '--trusted-key' || a === '--identity' || a.startsWith('--trusted-key=') || a.startsWith('--identity='))) return true;
  const first = argv.find((a) => !a.startsWith('-'));
  if (!first) return false;
  const dir = resolve(cwd, first);
  try {
    return statSync(dir).isDirectory() && existsSync(join(dir, '.claude-plugin'));
  } catch {
    return false;
  }
}

interface Check { source: string; ok: boolean; code?: string; reason?: string }

export async function runSignatureMode(io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: io.argv,
    options: {
      'trusted-key': { type: 'string', multiple: true },
      identity: { type: 'string', multiple: true },
      marketplace: { type: 'string' },
      'org-policy': { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: false,
  });
  if (positionals.length !== 1) throw new MpError('USAGE', 'usage: mp verify <plugin-dir> [--trusted-key <public.pem>] [--identity <issuer>=<subject-regex>]', { hint: 'see mp verify --help' });
  const root = resolve(io.cwd, positionals[0]);
  const keys = asList(values['trusted-key']).map((p) => loadPublicKeyFile(resolve(io.cwd, p)));
  const identities = asList(values.identity).map(parseIdentityArg);
  const trustedRoot = loadPublicGoodRoot();
  const plugin = pluginIdentity(root, nodeSignatureFs);
  const marketplace = typeof values.marketplace === 'string' ? values.marketplace : undefined;

  const runs: Array<{ source: string; result: SignatureResult }> = [];
  if (keys.length || identities.length) {
    runs.push({ source: 'command line', result: verifyPluginSignature(root, { keys, identities }, { fs: nodeSignatureFs, trustedRoot }) });
  }
  const { policy } = loadPolicy({ cwd: io.cwd, env: io.env, orgPolicy: typeof values['org-policy'] === 'string' ? values['org-policy'] : undefined });
  if (policy.failure) throw new MpError(policy.failure.code, `could not apply the policy — ${policy.failure.reason}`, { hint: 'fix the policy file, or verify outside the project' });
  const fromPolicy = checkPluginSignature(root, { id: `${plugin.name}@${marketplace ?? ''}`, name: plugin.name, registry: marketplace }, policy);
  if (fromPolicy.result) runs.push({ source: 'policy trust.requireSignature', result: fromPolicy.result });
  if (runs.length === 0) {
    // Nothing is trusted: still verify, so the answer names what is missing (no keys / no identity).
    runs.push({ source: 'nothing trusted', result: verifyPluginSignature(root, { keys: [], identities: [] }, { fs: nodeSignatureFs, trustedRoot }) });
  }
  const checks: Check[] = runs.map(({ source, result: r }) => (r.ok ? { source, ok: true } : { source, ok: false, code: r.code, reason: r.reason }));
  const result = (runs.find((x) => !x.result.ok) ?? runs[0]).result;
  const ok = checks.every((c) => c.ok);
  const hint = !result.ok ? hintFor(result, root, trustedRoot) : undefined;
  const out = {
    ok,
    plugin,
    path: root,
    ...(result.ok ? { integrity: result.integrity, signer: signerFact(result), signerLabel: signerLabel(result.signer) } : {}),
    ...(!result.ok ? { code: result.code, reason: result.reason } : {}),
    ...(hint ? { hint } : {}),
    checks,
  };
  if (values.json) io.stdout(JSON.stringify(out, null, 2) + '\n');
  else if (result.ok) io.stdout(`verified ${plugin.name}: signed by ${signerLabel(result.signer)} (${result.integrity})\n`);
  else io.stderr(`not verified [${result.code}]: ${result.reason}${hint ? `\nhint: ${hint}` : ''}\n`);
  return ok ? EXIT.OK : EXIT.FAILED;
}

function hintFor(r: Extract<SignatureResult, { ok: false }>, root: string, trustedRoot: ReturnType<typeof loadPublicGoodRoot>): string {
  switch (r.code) {
    case 'SIGNATURE_MISSING': return `sign it with mp sign ${root} --key <private.pem> (or --keyless in CI)`;
    case 'SIGNATURE_TREE_MISMATCH': return 'the plugin changed after it was signed: re-sign it if the change is intended, otherwise treat it as tampered';
    case 'SIGNATURE_NO_TRUSTED_KEYS':
    case 'SIGNATURE_UNTRUSTED_KEY': return 'pass the signer\'s public key with --trusted-key, or list it under trust.requireSignature keys in the policy';
    case 'SIGNATURE_NO_IDENTITY_POLICY':
    case 'SIGNATURE_UNTRUSTED_IDENTITY': {
      const who = keylessSignerOf(readJson(root), trustedRoot);
      return who.ok ? `the bundle was signed by ${who.subject} (issuer ${who.issuer}); if you trust it, pass --identity '${who.issuer}=<regex matching it>'` : 'name the signer you trust with --identity <issuer>=<subject regex>';
    }
    default: return 'do not install or run this plugin until it verifies';
  }
}

function readJson(root: string): unknown {
  try {
    const bytes = nodeSignatureFs.readFile(join(root, SIGNATURE_PATH), 1 << 20);
    return bytes instanceof Uint8Array ? JSON.parse(Buffer.from(bytes).toString('utf8')) : null;
  } catch {
    return null;
  }
}

function asList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}
