import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Poppler's command-line tools (Debian: poppler-utils) read PDFs the way desktop readers do; we use
 * them for the text layer and to render pages of scanned uploads. Files go through a private temp dir.
 */
async function withTempPdf<T>(bytes: Uint8Array, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'angsur-pdf-'));
  try {
    const file = path.join(dir, 'in.pdf');
    await fs.writeFile(file, bytes);
    return await fn(file, dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export function pdfText(bytes: Uint8Array): Promise<string> {
  return withTempPdf(bytes, async (file) => (await run('pdftotext', ['-q', file, '-'], { maxBuffer: 20 * 1024 * 1024, timeout: 30_000 })).stdout);
}

/** PNG renderings of the given 1-based pages at `dpi`. */
export function renderPages(bytes: Uint8Array, pages: number[], dpi = 150): Promise<Buffer[]> {
  return withTempPdf(bytes, async (file, dir) => {
    const out: Buffer[] = [];
    for (const page of pages) {
      const prefix = path.join(dir, `p${page}`);
      await run('pdftoppm', ['-q', '-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix], { timeout: 60_000 });
      out.push(await fs.readFile(`${prefix}.png`));
    }
    return out;
  });
}
