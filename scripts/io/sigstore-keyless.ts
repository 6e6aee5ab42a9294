import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { CIContextProvider, DEFAULT_FULCIO_URL, DEFAULT_REKOR_URL, DSSEBundleBuilder, FulcioSigner, RekorWitness, type IdentityProvider } from '@sigstore/sign';
import { MpError } from '../core/errors.ts';
import { PAYLOAD_TYPE, type PluginStatement } from '../trust/signing/plugin-statement.ts';

/**
 * Keyless signing through the Sigstore public-good instance: an ephemeral key, a short-lived Fulcio
 * certificate for the OIDC identity of the environment, and a Rekor entry (which also gives the
 * signing time the certificate is later checked at). Needs the network and an OIDC token:
 *   - SIGSTORE_ID_TOKEN (any OIDC token Fulcio accepts; cosign's convention), or
 *   - GitHub Actions with `permissions: id-token: write` (ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN).
 * Anything missing or unreachable is SIGN_KEYLESS_UNAVAILABLE (exit 2), never a crash.
 * MP_SIGSTORE_FULCIO_URL / MP_SIGSTORE_REKOR_URL override the endpoints (tests use them to fail fast;
 * a private instance also needs its own trusted root to verify, which mp does not ship).
 */
export async function signKeyless(statement: PluginStatement, env: Record<string, string | undefined>): Promise<SerializedBundle> {
  const hasToken = Boolean(env.SIGSTORE_ID_TOKEN) || Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  if (!hasToken) {
    throw new MpError('SIGN_KEYLESS_UNAVAILABLE', 'could not sign keyless — no OIDC identity token in the environment', {
      hint: 'run in GitHub Actions with `permissions: id-token: write`, or set SIGSTORE_ID_TOKEN; offline, sign with --key instead',
    });
  }
  const token = env.SIGSTORE_ID_TOKEN;
  const identityProvider: IdentityProvider = token ? { getToken: async () => token } : new CIContextProvider('sigstore');
  const fetchOptions = { timeout: 30_000, retry: { retries: 1 } };
  const signer = new FulcioSigner({ identityProvider, fulcioBaseURL: env.MP_SIGSTORE_FULCIO_URL || DEFAULT_FULCIO_URL, ...fetchOptions });
  const rekor = new RekorWitness({ rekorBaseURL: env.MP_SIGSTORE_REKOR_URL || DEFAULT_REKOR_URL, entryType: 'dsse', ...fetchOptions });
  try {
    const bundle = await new DSSEBundleBuilder({ signer, witnesses: [rekor] }).create({
      data: Buffer.from(JSON.stringify(statement), 'utf8'),
      type: PAYLOAD_TYPE,
    });
    return bundleToJSON(bundle);
  } catch (e) {
    const code = (e as { code?: string }).code;
    // Threat: the library echoes the identity token in some messages; a token in a CI log is a credential leak.
    const cause = (e as { cause?: { message?: string; code?: string } }).cause;
    const msg = (`${e instanceof Error ? e.message : String(e)}${cause ? ` (${cause.code ?? cause.message ?? ''})` : ''}`).replace(/eyJ[\w-]*\.[\w-]*\.?[\w-]*/g, '<token hidden>');
    throw new MpError('SIGN_KEYLESS_UNAVAILABLE', `could not sign keyless — ${code ? `${code}: ` : ''}${msg.slice(0, 300)}`, {
      hint: 'check network access to fulcio.sigstore.dev and rekor.sigstore.dev and that the OIDC token is valid; offline, sign with --key',
      cause: e,
    });
  }
}
