import { generateKeyPairSync } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { MpError } from '../core/errors.ts';
import { keyIdOf } from '../trust/signing/parse-key.ts';

/**
 * Generate a signing key pair and write `<prefix>.key.pem` (PKCS#8, mode 0600) and `<prefix>.pub.pem`
 * (SPKI). Never overwrites an existing file unless `force`: a clobbered private key is unrecoverable.
 */
export function writeKeyPair(prefix: string, type: 'p256' | 'ed25519', force: boolean): { privatePath: string; publicPath: string; keyId: string } {
  const { publicKey, privateKey } = type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const privatePath = `${prefix}.key.pem`;
  const publicPath = `${prefix}.pub.pem`;
  const flag = force ? 'w' : 'wx';
  if (force) for (const p of [privatePath, publicPath]) rmSync(p, { force: true }); // so mode 0600 applies to a fresh file
  try {
    writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag });
  } catch (e) {
    throw keyWriteError(privatePath, e);
  }
  try {
    writeFileSync(publicPath, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644, flag });
  } catch (e) {
    rmSync(privatePath, { force: true });
    throw keyWriteError(publicPath, e);
  }
  return { privatePath, publicPath, keyId: keyIdOf(publicKey) };
}

function keyWriteError(path: string, e: unknown): MpError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  return new MpError(code === 'EEXIST' ? 'KEY_EXISTS' : 'KEY_WRITE_FAILED', `could not write ${path} — ${code}`, {
    hint: code === 'EEXIST' ? 'choose another --out prefix, or pass --force to overwrite the existing key' : 'check that the directory exists and is writable',
    cause: e,
  });
}
