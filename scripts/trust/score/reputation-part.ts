import type { Part } from '../types.ts';
import type { ManifestFacts, RegistryFacts, SignatureFacts } from './inputs.ts';

/**
 * Reputation (20 %): registry standing in the policy (0–40), the publisher (0–30), the verified signing
 * identity (0–30).
 *  - Registry: blocked 0 · plain directory 10 · a marketplace the policy does not list 20 · listed 30 ·
 *    listed with priority > 0, or this plugin pinned to it, 40.
 *  - Publisher: author name 10 · a contact (email or url) 5 · the author or marketplace owner matches the
 *    repository owner 15.
 *  - Signer: a verified identity whose subject names the repository or its owner 30 · any verified signer 20.
 */
export function reputationPart(registry: RegistryFacts, manifest: ManifestFacts, sig: SignatureFacts): Part {
  const evidence: string[] = [];
  let reg: number;
  if (registry.blocked) {
    reg = 0;
    evidence.push(`registry: ${registry.name ?? 'this source'} is blocked by the policy (0/40)`);
  } else if (!registry.name) {
    reg = 10;
    evidence.push('registry: a plain directory, not from a marketplace (10/40)');
  } else if (!registry.listed) {
    reg = 20;
    evidence.push(`registry: ${registry.name} is not listed in ${registry.policyFound ? 'the policy' : 'any policy (none found)'} (20/40)`);
  } else if (registry.pinned || registry.priority > 0) {
    reg = 40;
    evidence.push(`registry: ${registry.name} is listed in the policy${registry.pinned ? ' and this plugin is pinned to it' : ` with priority ${registry.priority}`} (40/40)`);
  } else {
    reg = 30;
    evidence.push(`registry: ${registry.name} is listed in the policy (30/40)`);
  }

  let pub = 0;
  const owner = repoOwner(manifest.repository ?? manifest.homepage);
  if (manifest.authorName) pub += 10;
  if (manifest.authorEmail || manifest.authorUrl) pub += 5;
  const names = [manifest.authorName, manifest.marketplaceOwner, repoOwner(manifest.authorUrl)].filter((x): x is string => !!x).map(norm);
  const matches = !!owner && names.some((n) => n === norm(owner) || n.includes(norm(owner)) || norm(owner).includes(n));
  if (matches) pub += 15;
  evidence.push(`publisher: ${manifest.authorName ? `author ${manifest.authorName}` : 'no author'}${manifest.authorEmail || manifest.authorUrl ? ' with a contact' : ''}${owner ? `; repository owner ${owner}${matches ? ' matches' : ' does not match the author or marketplace owner'}` : '; no repository to match'} (${pub}/30)`);

  let signer = 0;
  if (sig.status === 'verified') {
    const subject = sig.signer.kind === 'identity' ? sig.signer.subject : '';
    const repo = (manifest.repository ?? '').replace(/\.git$/, '').replace(/^https?:\/\//, '');
    signer = subject && ((repo && subject.includes(repo)) || (owner && norm(subject).includes(norm(owner)))) ? 30 : 20;
    evidence.push(`signer: ${signer === 30 ? `verified identity ${subject} belongs to the repository` : 'a verified signer, not tied to the repository'} (${signer}/30)`);
  } else evidence.push('signer: no verified signing identity (0/30)');
  return { score: reg + pub + signer, evidence };
}

/** The owner segment of a GitHub/GitLab-style URL or `owner/repo` shorthand. */
export function repoOwner(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /^(?:https?:\/\/|git@|git\+https?:\/\/)?(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)[/:]([^/\s]+)\//i.exec(url) ?? /^([A-Za-z0-9_.-]+)\/[A-Za-z0-9_.-]+$/.exec(url);
  return m?.[1];
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}
