import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandIO, CommandModule } from '../command.ts';
import { EXIT } from '../../core/exit-codes.ts';
import { MpError } from '../../core/errors.ts';
import { writeKeyPair } from '../../io/write-key-pair.ts';

const help = `mp keygen --out <prefix> [--type p256|ed25519] [--force] [--json]

Generate a key pair for mp sign --key: <prefix>.key.pem (private, mode 0600; keep it secret, e.g.
in a CI secret) and <prefix>.pub.pem (public; commit it and list it under trust.requireSignature
keys in .claude/policies/plugins.yaml, or pass it to mp verify --trusted-key).

  --type   p256 (ECDSA P-256, Sigstore's default; the default here) or ed25519
  --force  overwrite existing files (never done otherwise)
exit codes: 0 written · 2 could not write (usage, file exists, permissions)`;

async function run(io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: io.argv,
    options: { out: { type: 'string' }, type: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: false,
  });
  const type = values.type ?? 'p256';
  if (typeof values.out !== 'string' || !values.out || positionals.length || (type !== 'p256' && type !== 'ed25519')) {
    throw new MpError('USAGE', 'usage: mp keygen --out <prefix> [--type p256|ed25519] [--force]', { hint: 'e.g. mp keygen --out keys/team (writes keys/team.key.pem and keys/team.pub.pem)' });
  }
  const written = writeKeyPair(resolve(io.cwd, values.out), type, values.force === true);
  if (values.json) io.stdout(JSON.stringify({ ok: true, type, ...written }, null, 2) + '\n');
  else io.stdout(`wrote ${written.privatePath} (private, keep secret)\nwrote ${written.publicPath} (public)\nkey id sha256:${written.keyId}\n`);
  return EXIT.OK;
}

const command: CommandModule = { summary: 'Generate a signing key pair for mp sign --key', help, run };
export default command;
