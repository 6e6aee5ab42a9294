// Shared by the signing tests: build a plugin tree, sign it with a key made in the test, verify it.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeTreeDigest, SIGNATURE_PATH } from '../../../scripts/integrity/tree-digest.ts';
import { nodeSignatureFs } from '../../../scripts/io/node-signature-fs.ts';
import { loadPublicGoodRoot } from '../../../scripts/io/sigstore-material.ts';
import { pluginIdentity } from '../../../scripts/trust/signing/plugin-identity.ts';
import { pluginStatement, type PluginStatement } from '../../../scripts/trust/signing/plugin-statement.ts';
import { signWithKey } from '../../../scripts/trust/signing/sign-with-key.ts';
import { verifyPluginSignature, type SignatureTrust } from '../../../scripts/trust/signing/verify-plugin-signature.ts';
import type { SignatureResult } from '../../../scripts/trust/signing/signature-result.ts';
import { json, testdir, type TreeSpec } from '../../helpers/testdir.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/sigstore');

export function p256(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

export function plugin(name = 'demo', extra: TreeSpec = {}): string {
  return testdir({
    '.claude-plugin/plugin.json': json({ name, version: '1.2.3', description: 'a plugin for signing tests', author: { name: 'mp tests' } }),
    'commands/hello.md': '---\ndescription: "Say hello"\n---\nSay hello.\n',
    'scripts/run.sh': { content: '#!/bin/sh\necho hi\n', mode: 0o755 },
    ...extra,
  });
}

/** Sign `root` as mp sign does (statement over the current tree digest), optionally editing the statement first. */
export async function sign(root: string, privateKey: KeyObject, edit?: (s: PluginStatement) => void): Promise<Record<string, any>> {
  const statement = pluginStatement(pluginIdentity(root, nodeSignatureFs), computeTreeDigest(root, nodeSignatureFs).integrity);
  edit?.(statement);
  const bundle = await signWithKey(statement, privateKey);
  writeBundle(root, bundle);
  return bundle as Record<string, any>;
}

export function writeBundle(root: string, bundle: unknown): void {
  writeFileSync(join(root, SIGNATURE_PATH), typeof bundle === 'string' || bundle instanceof Uint8Array ? bundle : JSON.stringify(bundle));
}

export function readBundle(root: string): Record<string, any> {
  return JSON.parse(readFileSync(join(root, SIGNATURE_PATH), 'utf8'));
}

export function verify(root: string, trust: Partial<SignatureTrust>, expectedName?: string): SignatureResult {
  return verifyPluginSignature(root, { keys: trust.keys ?? [], identities: trust.identities ?? [] }, { fs: nodeSignatureFs, trustedRoot: loadPublicGoodRoot(), expectedName });
}

/** Flip one bit of the byte at `index` of a base64 string. */
export function flipBase64(b64: string, index: number): string {
  const bytes = Buffer.from(b64, 'base64');
  bytes[Math.min(index, bytes.length - 1)] ^= 0x01;
  return bytes.toString('base64');
}

export function fixture(name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}
