import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/**
 * Poppler (Debian: poppler-utils) reads the PDFs the way desktop readers do, so the tests judge our
 * output with an independent implementation: pdftotext, pdffonts, pdfinfo, pdfsig and pdftoppm.
 */

async function withFile<T>(bytes: Uint8Array, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'angsur-spk-test-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await fs.writeFile(file, bytes);
    return await fn(file, dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** stdout even when the tool exits non-zero (pdfsig does for invalid signatures). */
function run(cmd: string, args: string[]): Promise<{ stdout: string; code: number }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { maxBuffer: 32 * 1024 * 1024, timeout: 60_000 }, (err, stdout) => {
      if (err && typeof (err as NodeJS.ErrnoException).code === 'string') reject(err); // ENOENT: tool missing
      else resolve({ stdout, code: err ? Number((err as { code?: number }).code ?? 1) : 0 });
    });
  });
}

/** Text of each page (pdftotext separates pages with form feeds); `layout` keeps table rows on one line. */
export async function pageTexts(bytes: Uint8Array, opts: { layout?: boolean } = {}): Promise<string[]> {
  const { stdout } = await withFile(bytes, (file) => run('pdftotext', ['-q', ...(opts.layout ? ['-layout'] : []), file, '-']));
  const pages = stdout.split('\f');
  if (pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages;
}

export interface FontRow {
  name: string;
  type: string;
  emb: boolean;
  sub: boolean;
}

export async function pdfFonts(bytes: Uint8Array): Promise<FontRow[]> {
  const { stdout } = await withFile(bytes, (file) => run('pdffonts', [file]));
  return stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((line) => {
      // name type... encoding emb sub uni objnum gen: read the fixed columns from the right.
      const parts = line.trim().split(/\s+/);
      const [emb, sub] = parts.slice(-5, -3);
      return { name: parts[0]!, type: parts.slice(1, -6).join(' '), emb: emb === 'yes', sub: sub === 'yes' };
    });
}

export async function pdfInfoPages(bytes: Uint8Array): Promise<number> {
  const { stdout } = await withFile(bytes, (file) => run('pdfinfo', [file]));
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

export async function pdfSig(bytes: Uint8Array): Promise<string> {
  return (await withFile(bytes, (file) => run('pdfsig', [file]))).stdout;
}

/** Renders a 1-based page at `dpi` and returns the PNG. */
export async function renderPage(bytes: Uint8Array, page: number, dpi = 150): Promise<Buffer> {
  return withFile(bytes, async (file, dir) => {
    const prefix = path.join(dir, 'page');
    await run('pdftoppm', ['-q', '-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
    return fs.readFile(`${prefix}.png`);
  });
}

export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box (points, origin top-left), from pdftotext -bbox. */
export async function wordBoxes(bytes: Uint8Array): Promise<WordBox[]> {
  const { stdout } = await withFile(bytes, (file) => run('pdftotext', ['-q', '-bbox', file, '-']));
  const words: WordBox[] = [];
  let page = 0;
  for (const line of stdout.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, text: m[5]!, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
  }
  return words;
}
