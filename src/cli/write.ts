import { open, writeFile } from 'node:fs/promises';

const BOM = '\uFEFF';

/**
 * Rewrites a text file in place, keeping its UTF-8 byte order mark if it had one: files are read
 * with the mark dropped (read.ts), and an in-place rewrite (`lint --fix --file`, `fmt --write`)
 * must change the filters and nothing else. Every in-place write of the CLI goes through here.
 */
export async function rewriteTextFile(path: string, text: string): Promise<void> {
  const prefix = (await startsWithBom(path)) && !text.startsWith(BOM) ? BOM : '';
  await writeFile(path, prefix + text, 'utf8');
}

async function startsWithBom(path: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const head = Buffer.alloc(3);
    const { bytesRead } = await handle.read(head, 0, 3, 0);
    return bytesRead === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } catch {
    // Unreadable now: the write itself reports the problem.
    return false;
  } finally {
    await handle?.close();
  }
}
