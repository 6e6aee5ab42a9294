/**
 * Read all of stdin as UTF-8 for a hook entry. Returns null when stdin is a terminal (nobody will
 * send an event) or when more than `limit` bytes arrive: a hook must fail open instead of buffering
 * an unbounded stream.
 */
export async function readStdin(limit: number): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      process.stdin.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
