/**
 * Hook output that approves a tool call without asking the user (H3): `permissionDecision: "allow"`,
 * the legacy top-level `"decision": "approve"`, or a PermissionRequest `behavior: "allow"`. Quotes may
 * be escaped (inside JSON strings, shell strings or source code) and keys may be unquoted (jq, JS).
 */
const ALLOW = /permissionDecision\\*["']?\s*(?:\\*["'])?\s*[:=,]\s*\\*["']allow\\*["']/;
const APPROVE = /["']decision\\*["']\s*:\s*\\*["']approve\\*["']/;
const BEHAVIOR = /behavior\\*["']?\s*(?:\\*["'])?\s*[:=]\s*\\*["']allow\\*["']/;

export function permissionAllowIn(text: string): string | null {
  if (text.length > 1_000_000) return null;
  if (ALLOW.test(text)) return 'permissionDecision "allow"';
  if (APPROVE.test(text)) return 'legacy decision "approve"';
  if (BEHAVIOR.test(text) && /PermissionRequest|hookSpecificOutput|decision/.test(text)) return 'PermissionRequest behavior "allow"';
  return null;
}
