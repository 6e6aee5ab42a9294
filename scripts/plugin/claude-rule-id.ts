/**
 * A stable rule id for an issue `claude plugin validate` reports (it has none of its own): known
 * message families map to a fixed slug, anything else to a slug of its wording with names, paths and
 * numbers removed, so the same kind of issue always gets the same id.
 */
const FAMILIES: Array<[RegExp, string, string]> = [
  [/^No manifest found/, 'no-manifest', 'No plugin.json or marketplace.json'],
  [/^File not found|^Path is not a file|^Failed to read file/, 'file-unreadable', 'Manifest file cannot be read'],
  [/Invalid JSON syntax/, 'invalid-json', 'Invalid JSON'],
  [/must be an object$/, 'not-an-object', 'Manifest is not a JSON object'],
  [/^Path contains "\.\."/, 'path-traversal', 'Path contains ".."'],
  [/^Path not found/, 'path-not-found', 'Component path not found'],
  [/^Path is a file; skills entries/, 'skill-path-is-file', 'skills entry is a file, not a directory'],
  [/is not kebab-case/, 'name-not-kebab-case', 'Name is not kebab-case'],
  [/^No version specified/, 'missing-version', 'No version'],
  [/^No description provided/, 'missing-description', 'No description'],
  [/^No author information/, 'missing-author', 'No author'],
  [/^No marketplace description/, 'missing-marketplace-description', 'No marketplace description'],
  [/^Marketplace has no plugins/, 'no-plugins', 'Marketplace lists no plugins'],
  [/^Unknown field|^Field '.*' (belongs in|is the cross-tool spelling)/, 'unknown-field', 'Field Claude Code ignores'],
  [/is an experimental component|^'experimental' must be/, 'experimental-placement', 'Experimental component placement'],
  [/binaries/, 'invalid-binaries', 'Invalid binaries entry'],
  [/^Duplicate plugin name/, 'duplicate-plugin-name', 'Duplicate plugin name in marketplace'],
  [/^Entry declares version/, 'version-mismatch', 'Entry and plugin.json versions differ'],
  [/^Could not parse .* for version cross-check/, 'version-cross-check-failed', 'plugin.json unreadable for version cross-check'],
  [/chain does not resolve/, 'rename-unresolved', 'renames chain does not resolve'],
  [/^No frontmatter block found/, 'no-frontmatter', 'No frontmatter'],
  [/^YAML frontmatter failed to parse/, 'frontmatter-yaml', 'Frontmatter YAML does not parse'],
  [/^Frontmatter must be a YAML mapping/, 'frontmatter-not-mapping', 'Frontmatter is not a mapping'],
  [/^No description in frontmatter/, 'frontmatter-no-description', 'No description in frontmatter'],
  [/^(description|name|shell|allowed-tools)( array)? must /, 'frontmatter-type', 'Frontmatter field has the wrong type'],
  [/CLAUDE(\.local)?\.md at the plugin root/, 'claude-md-not-loaded', 'CLAUDE.md at the plugin root is not loaded'],
  [/^(Invalid input|Invalid option|Invalid key in record|Invalid URL|Unrecognized key|Too (small|big))|cannot be empty|cannot contain|impersonates|is reserved|Must be a full|must declare at least one signal|bare hostname/, 'schema', 'Manifest does not match Claude Code\'s schema'],
];

export function claudeRuleId(message: string): { id: string; description: string } {
  const text = message;
  for (const [re, slug, description] of FAMILIES) if (re.test(text)) return { id: `claude/${slug}`, description };
  const words = text.replace(/"[^"]*"|'[^']*'|`[^`]*`|\S*[/\\]\S*|\d+/g, ' ').toLowerCase().match(/[a-z]+/g) ?? [];
  return { id: `claude/${words.slice(0, 5).join('-') || 'issue'}`, description: text.split(/[.;]/)[0].slice(0, 120) };
}
