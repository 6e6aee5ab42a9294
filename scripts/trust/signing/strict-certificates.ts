import { X509Certificate } from 'node:crypto';
import { ASN1Obj } from '@sigstore/core';

/**
 * Certificates must be exactly the bytes their CA issued. @sigstore/verify checks the CA signature
 * over the TBS part only, so the DER framing around it (outer SEQUENCE tag, the outer
 * signatureAlgorithm) can be altered and the bundle still verifies: measured on the sigstore@0.4.0
 * provenance, 27 of its 7,424 single-bit flips passed. Not a forgery (identity and key sit in the
 * signed TBS), but a tampered bundle must not pass as intact. Threat: malleable, attacker-edited
 * framing; we require strict DER (OpenSSL parses it, re-encoding gives the same bytes, the signature
 * BIT STRING has no unused bits) and, per RFC 5280 §4.1.1.2, an outer signatureAlgorithm identical
 * to the one inside the TBS. Certificates after the leaf are never used by the verifier (it chains
 * to the trusted root's own copies), so an edited copy would also pass: they must be byte-identical
 * to a certificate of the trusted root. Returns a reason, or null when strict.
 */
export function strictCertificateProblem(rawCertificates: ReadonlyArray<Buffer | undefined>, trustedCaCertificates: readonly Buffer[]): string | null {
  for (const [i, der] of rawCertificates.entries()) {
    if (!Buffer.isBuffer(der) || der.length === 0) return `certificate ${i} is missing`;
    if (i > 0 && !trustedCaCertificates.some((ca) => ca.equals(der))) return `certificate ${i} of the chain is not a certificate of the trusted root`;
    try {
      new X509Certificate(der);
      const cert = ASN1Obj.parseBuffer(der as Buffer<ArrayBuffer>);
      if (!cert.toDER().equals(der)) return `certificate ${i} is not in canonical DER`;
      const [tbs, outerAlg, signature] = cert.subs;
      // A signature BIT STRING whose "unused bits" byte is not 0 is read the same by @sigstore/core.
      if (!signature?.tag.isBitString() || signature.value[0] !== 0) return `certificate ${i} has a malformed signature field`;
      const innerAlg = tbs?.subs[tbs.subs[0]?.tag.isContextSpecific(0) ? 2 : 1];
      if (!outerAlg || !innerAlg || !outerAlg.toDER().equals(innerAlg.toDER())) {
        return `certificate ${i} names a different signature algorithm outside its signed part`;
      }
    } catch {
      return `certificate ${i} is not strict DER`;
    }
  }
  return null;
}
