/**
 * The in-toto Statement a plugin signature carries (the DSSE payload). It names the plugin and the
 * sha256 of its mp1 tree manifest, i.e. the same bytes `plugin-lock.json` records as `integrity`.
 * https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md
 */
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const PREDICATE_TYPE = 'https://marketplace-pro.dev/plugin-tree/v1';
export const PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface PluginStatement {
  _type: typeof STATEMENT_TYPE;
  subject: [{ name: string; digest: { sha256: string } }];
  predicateType: typeof PREDICATE_TYPE;
  predicate: { algorithm: 'mp1'; integrity: string; plugin: { name: string; version?: string } };
}

export function pluginStatement(plugin: { name: string; version?: string }, integrity: string): PluginStatement {
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name: plugin.name, digest: { sha256: integrityToHex(integrity) } }],
    predicateType: PREDICATE_TYPE,
    predicate: { algorithm: 'mp1', integrity, plugin: plugin.version === undefined ? { name: plugin.name } : { name: plugin.name, version: plugin.version } },
  };
}

/** "sha256-<base64>" (SRI, as the mp1 digest is written) → lowercase hex; '' when it is not one. */
export function integrityToHex(integrity: string): string {
  const m = /^sha256-([A-Za-z0-9+/]{43}=)$/.exec(integrity);
  return m ? Buffer.from(m[1], 'base64').toString('hex') : '';
}
