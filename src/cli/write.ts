import { randomBytes } from 'node:crypto';
import { open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const BOM = '\uFEFF';

/**
 * Rewrites a text file, keeping its UTF-8 byte order mark if it had one: files are read with the
 * mark dropped (read.ts), and a rewrite (`lint --fix --file`, `fmt --write`) must change the
 * filters and nothing else. Every in-place write of the CLI goes through here.
 *
 * The write is atomic: the new text goes to a temporary file in the same folder, flushed to disk,
 * then renamed over the file, so a process killed at any moment leaves the old file or the new
 * one, never a truncated mix. The file keeps its permissions; a symbolic link stays a link (the
 * file it points to is the one replaced).
 */
export async function rewriteTextFile(path: string, text: string): Promise<void> {
  const target = await realpath(path);
  const { mode } = await stat(target);
  const prefix = (await startsWithBom(target)) && !text.startsWith(BOM) ? BOM : '';
  await writeFileAtomically(target, prefix + text, mode & 0o7777);
}

/**
 * Writes `text` to `path` through a temporary file in the same folder and a rename (atomic on one
 * file system). The file gets `mode` when given (a rewrite keeps the old file's); otherwise that
 * of any new file (0666 less the umask).
 */
export async function writeFileAtomically(path: string, text: string, mode?: number): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', mode ?? 0o666);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (cause) {
    await unlink(temporary).catch(() => {});
    throw cause;
  }
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
