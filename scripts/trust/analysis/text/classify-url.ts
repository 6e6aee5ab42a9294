/**
 * How suspicious a network destination is. Exfiltration and payload hosting favour raw IPs, plain
 * http, paste sites, request catchers and tunnels; real integrations use named https endpoints.
 */
export type UrlClass = 'local' | 'raw-ip' | 'plain-http' | 'drop-site' | 'https' | 'unknown';

// Paste/file-drop sites, request catchers, tunnels and chat webhooks used as exfiltration endpoints.
const DROP_HOSTS = [
  'pastebin.com', 'paste.ee', 'hastebin.com', 'ghostbin.co', 'termbin.com', 'transfer.sh', 'file.io', '0x0.st', 'dpaste.com',
  'webhook.site', 'requestbin.com', 'requestbin.net', 'pipedream.net', 'hookbin.com', 'beeceptor.com', 'requestcatcher.com',
  'ngrok.io', 'ngrok-free.app', 'ngrok.app', 'trycloudflare.com', 'serveo.net', 'loca.lt', 'localtunnel.me',
  'burpcollaborator.net', 'oastify.com', 'interact.sh', 'interactsh.com', 'oast.fun', 'oast.pro', 'oast.live', 'canarytokens.com',
  'discord.com/api/webhooks', 'discordapp.com/api/webhooks',
];

const LOCAL = /^(localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal)$/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^\[?[0-9a-f:]+:[0-9a-f:]*\]?$/i;

export function classifyUrl(raw: string): UrlClass {
  const text = raw.trim().replace(/^["']|["']$/g, '');
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]*)(.*)$/i.exec(text) ?? /^()([a-z0-9.-]+\.[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3}|localhost)(?::\d+)?(\/.*)?$/i.exec(text);
  if (!m) return 'unknown';
  const scheme = m[1].toLowerCase();
  const hostPort = m[2].replace(/^[^@]*@/, '');
  const host = hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.replace(/:\d*$/, '');
  if (!host || /[$`{}]/.test(host)) return 'unknown';
  if (LOCAL.test(host)) return 'local';
  const hostAndPath = `${host.toLowerCase()}${m[3] ?? ''}`;
  if (DROP_HOSTS.some((d) => hostAndPath === d || hostAndPath.startsWith(`${d}/`) || hostAndPath.includes(`.${d}`) || (d.includes('/') && hostAndPath.startsWith(d)))) return 'drop-site';
  if (IPV4.test(host) || IPV6.test(host)) return 'raw-ip';
  if (scheme === 'http' || scheme === 'ws' || scheme === 'ftp') return 'plain-http';
  if (scheme === 'https' || scheme === 'wss' || scheme === '') return 'https';
  return 'unknown';
}

/** The first URL-looking token in a text, or undefined. */
export function findUrl(text: string): string | undefined {
  return /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>)]+/i.exec(text)?.[0];
}
