import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandIO, CommandModule } from '../command.ts';
import { EXIT } from '../../core/exit-codes.ts';
import { MpError } from '../../core/errors.ts';
import { computeTreeDigest, SIGNATURE_PATH } from '../../integrity/tree-digest.ts';
import { nodeSignatureFs } from '../../io/node-signature-fs.ts';
import { loadPrivateKeyFile, loadPublicGoodRoot } from '../../io/sigstore-material.ts';
import { writeSignatureBundle } from '../../io/write-signature-bundle.ts';
import { pluginIdentity } from '../../trust/signing/plugin-identity.ts';
import { keylessSignerOf } from '../../trust/signing/keyless-signer-of.ts';
import { integrityToHex, pluginStatement } from '../../trust/signing/plugin-statement.ts';
import { signerLabel, type Signer } from '../../trust/signing/signature-result.ts';
import { signWithKey } from '../../trust/signing/sign-with-key.ts';
import { verifyPluginSignature } from '../../trust/signing/verify-plugin-signature.ts';

const help = `mp sign <plugin-dir> (--key <private.pem> | --keyless) [--json]

Sign a plugin's tree: a Sigstore DSSE bundle over an in-toto statement naming the plugin and its
mp1 tree digest (the digest plugin-lock.json records), written to ${SIGNATURE_PATH}
(excluded from the digest, so the signature travels with the plugin without signing itself).

  --key <file>   sign offline with a PEM private key (ECDSA P-256 or Ed25519; mp keygen makes one).
                 Verify with: mp verify <plugin-dir> --trusted-key <public.pem>
  --keyless      sign with Sigstore public-good (Fulcio certificate + Rekor entry) using the OIDC
                 identity of the environment: GitHub Actions (permissions: id-token: write) or
                 SIGSTORE_ID_TOKEN. Needs the network. Verify with:
                 mp verify <plugin-dir> --identity '<issuer>=<subject regex>'
  --json         machine-readable output

Any change to the plugin after signing (a byte, a file, an exec bit) invalidates the signature.
exit codes: 0 signed · 2 could not sign (usage, bad key, unreadable tree, no OIDC identity or network)`;

async function run(io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: io.argv,
    options: { key: { type: 'string' }, keyless: { type: 'boolean' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: false,
  });
  const unknown = io.argv.filter((a) => a.startsWith('--') && !['--key', '--keyless', '--json'].includes(a.split('=')[0]));
  if (positionals.length !== 1 || unknown.length || (typeof values.key === 'string') === Boolean(values.keyless)) {
    throw new MpError('USAGE', `usage: mp sign <plugin-dir> (--key <private.pem> | --keyless)${unknown.length ? ` (unknown option ${unknown[0]})` : ''}`, {
      hint: 'give the plugin directory and exactly one of --key or --keyless (see mp sign --help)',
    });
  }
  const root = resolve(io.cwd, positionals[0]);
  const key = typeof values.key === 'string' ? loadPrivateKeyFile(resolve(io.cwd, values.key)) : null;
  const plugin = pluginIdentity(root, nodeSignatureFs);
  const { integrity } = computeTreeDigest(root, nodeSignatureFs);
  const statement = pluginStatement(plugin, integrity);

  let bundle;
  let signer: Signer;
  if (key) {
    bundle = await signWithKey(statement, key.key);
    signer = { kind: 'key', keyId: key.keyId };
  } else {
    const { signKeyless } = await import('../../io/sigstore-keyless.ts');
    bundle = await signKeyless(statement, io.env);
    const who = keylessSignerOf(bundle, loadPublicGoodRoot());
    if (!who.ok) throw new MpError('SIGN_SELF_CHECK_FAILED', `Sigstore returned a bundle that does not verify offline: ${who.code} ${who.reason}`, { hint: 'the trusted root shipped with mp may be older than the Sigstore instance: update @sigstore/tuf and rebuild' });
    signer = { kind: 'identity', issuer: who.issuer, subject: who.subject };
  }
  const path = writeSignatureBundle(root, bundle);
  if (key) {
    // Self-check: the file on disk verifies for the tree on disk (catches a tree changed while signing).
    const check = verifyPluginSignature(root, { keys: [key.publicPem], identities: [] }, { fs: nodeSignatureFs });
    if (!check.ok) throw new MpError('SIGN_SELF_CHECK_FAILED', `signed, but the bundle does not verify: ${check.code} ${check.reason}`, { hint: 'make sure nothing writes to the plugin while it is signed, then sign again' });
  }
  const out = { ok: true, plugin, integrity, sha256: integrityToHex(integrity), signer, signerLabel: signerLabel(signer), bundle: path };
  if (values.json) io.stdout(JSON.stringify(out, null, 2) + '\n');
  else io.stdout(`signed ${plugin.name}${plugin.version ? `@${plugin.version}` : ''} (${integrity}) by ${signerLabel(signer)}\nwrote ${path}\n`);
  return EXIT.OK;
}

const command: CommandModule = { summary: 'Sign a plugin tree with a Sigstore bundle (local key, or keyless in CI)', help, run };
export default command;
