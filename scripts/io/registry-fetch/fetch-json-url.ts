import { MpError, truncate } from '../../core/errors.ts';
import { maskUrl } from './git-checkout.ts';

const MAX_BYTES = 16 * 1024 * 1024;

/** GET a marketplace.json over http(s) with a timeout and a size limit. Throws REGISTRY_UNREACHABLE. */
export async function fetchJsonUrl(url: string, headers: Record<string, string> | undefined, timeoutMs: number): Promise<string> {
  const fail = (why: string) => new MpError('REGISTRY_UNREACHABLE', `could not fetch registry ${maskUrl(url)} — ${truncate(why, 300)}`, {
    hint: 'check the URL and your network; use --offline to work from the cache',
  });
  let res: Response;
  try {
    res = await fetch(url, { headers: headers ?? {}, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    throw fail(err.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : err.cause?.code ?? err.message);
  }
  if (!res.ok) throw fail(`HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_BYTES) throw fail(`response is ${declared} bytes (limit ${MAX_BYTES})`);
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BYTES) {
      await reader.cancel();
      throw fail(`response is larger than ${MAX_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
