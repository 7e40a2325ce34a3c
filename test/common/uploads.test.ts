import { randomBytes } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../server/src/common/errors';
import { runInRequestScope } from '../../server/src/common/request-context';
import { checkPdf, checkUpload, sniffType } from '../../server/src/common/uploads';

/** A real 1×1 PNG (a semi-transparent blue pixel). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A real 1×1 baseline JPEG, built segment by segment; browsers decode it to one grey pixel. */
const JPEG = Buffer.concat([
  Buffer.from('FFD8', 'hex'), // SOI
  Buffer.from('FFE000104A46494600010100000100010000', 'hex'), // APP0 JFIF
  Buffer.from('FFDB004300', 'hex'), // DQT, table 0 ...
  Buffer.alloc(64, 1), // ... all ones
  Buffer.from('FFC0000B080001000101011100', 'hex'), // SOF0: 8 bit, 1×1, one component
  Buffer.from(`FFC400140001${'00'.repeat(15)}00`, 'hex'), // DHT DC: one 1-bit code for category 0
  Buffer.from(`FFC400141001${'00'.repeat(15)}00`, 'hex'), // DHT AC: one 1-bit code for EOB
  Buffer.from('FFDA000801010000003F00', 'hex'), // SOS
  Buffer.from('3F', 'hex'), // DC diff 0, EOB, padded with ones
  Buffer.from('FFD9', 'hex'), // EOI
]);

const MB = 1024 * 1024;
const ALL = ['image/jpeg', 'image/png', 'application/pdf'] as const;

async function realPdf(pages = 2): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`SPK halaman ${i + 1}`, { x: 50, y: 700 });
  return Buffer.from(await doc.save());
}

/** A classic PDF written by hand: numbered objects, an xref table with true offsets, and a trailer. */
function handMadePdf(objects: string[], trailer: string): Buffer {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const PAGE_TREE = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
const hex = (n: number) => randomBytes(n).toString('hex');
/** A standard security handler dictionary (RC4 128-bit, as Acrobat writes for "password to open"). */
const ENCRYPT_DICT = `<< /Filter /Standard /V 2 /R 3 /Length 128 /P -1028 /O <${hex(32)}> /U <${hex(32)}> >>`;

function rejection(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected a rejection');
}

async function pdfRejection(bytes: Buffer): Promise<AppError> {
  const err = await checkPdf(bytes, { field: 'spk', maxBytes: 5 * MB }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

afterEach(() => vi.restoreAllMocks());

describe('sniffType', () => {
  it('recognises files by their magic bytes', async () => {
    expect(sniffType(JPEG)).toBe('image/jpeg');
    expect(sniffType(PNG)).toBe('image/png');
    expect(sniffType(await realPdf())).toBe('application/pdf');
  });

  it('finds %PDF- after up to 1024 leading bytes, not later', () => {
    const body = Buffer.from('%PDF-1.4\n...');
    expect(sniffType(Buffer.concat([Buffer.alloc(1024, 0x20), body]))).toBe('application/pdf');
    expect(sniffType(Buffer.concat([Buffer.alloc(1025, 0x20), body]))).toBeNull();
  });

  it('knows nothing else, however the file is named', () => {
    expect(sniffType(Buffer.from('Ini bukan PDF, hanya teks biasa.\n'))).toBeNull();
    expect(sniffType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffType(PNG.subarray(0, 7))).toBeNull();
    expect(sniffType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffType(Buffer.alloc(0))).toBeNull();
  });
});

describe('checkUpload', () => {
  const opts = { field: 'ktp', maxBytes: 5 * MB, allowed: ['image/jpeg', 'image/png'] as ('image/jpeg' | 'image/png')[] };

  it('returns the sniffed type of an allowed file', () => {
    expect(checkUpload(JPEG, opts)).toBe('image/jpeg');
    expect(checkUpload(PNG, opts)).toBe('image/png');
  });

  it('refuses an empty file', () => {
    const err = rejection(() => checkUpload(Buffer.alloc(0), opts));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ktp', reason: 'EMPTY' });
    expect(err.message).toBe('Berkas kosong.');
  });

  it('refuses a file over the limit, whatever its type, and names the limit', () => {
    const big = Buffer.concat([PNG, Buffer.alloc(5 * MB + 1 - PNG.length)]);
    const err = rejection(() => checkUpload(big, opts));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ktp', reason: 'TOO_LARGE', maxBytes: 5 * MB });
    expect(err.message).toBe('Berkas terlalu besar (maksimal 5 MB).');
    expect(checkUpload(big.subarray(0, 5 * MB), opts)).toBe('image/png');
    expect(rejection(() => checkUpload(big, { ...opts, maxBytes: 1.5 * MB })).message).toBe('Berkas terlalu besar (maksimal 1,5 MB).');
  });

  it('refuses a text file named .pdf and a real type that is not allowed here', async () => {
    const text = rejection(() => checkUpload(Buffer.from('Ini bukan PDF.\n'), { ...opts, allowed: [...ALL] }));
    expect(text.extensions).toMatchObject({ field: 'ktp', reason: 'TYPE_NOT_ALLOWED' });
    expect(text.message).toBe('Jenis berkas tidak diizinkan; gunakan JPEG, PNG atau PDF.');
    const pdf = rejection(() => checkUpload(Buffer.from('%PDF-1.7\n'), opts));
    expect(pdf.extensions).toMatchObject({ reason: 'TYPE_NOT_ALLOWED', allowed: ['image/jpeg', 'image/png'] });
    expect(pdf.message).toBe('Jenis berkas tidak diizinkan; gunakan JPEG atau PNG.');
  });

  it('speaks English when the request asked for it', () => {
    const en = (fn: () => unknown) => runInRequestScope({ requestId: 't', locale: 'en' }, () => rejection(fn));
    expect(en(() => checkUpload(Buffer.alloc(0), opts)).message).toBe('The file is empty.');
    expect(en(() => checkUpload(Buffer.alloc(6 * MB, 0xff), opts)).message).toBe('The file is too large (max 5 MB).');
    expect(en(() => checkUpload(Buffer.from('hello'), { ...opts, allowed: [...ALL] })).message).toBe(
      'This file type is not allowed; use JPEG, PNG or PDF.',
    );
  });
});

describe('checkPdf', () => {
  it('accepts a real PDF and counts its pages', async () => {
    await expect(checkPdf(await realPdf(3), { field: 'spk', maxBytes: 5 * MB })).resolves.toEqual({ pageCount: 3 });
    await expect(checkPdf(handMadePdf(PAGE_TREE, '/Root 1 0 R'), { field: 'spk', maxBytes: 5 * MB })).resolves.toEqual({ pageCount: 1 });
  });

  it('applies the upload checks first', async () => {
    expect((await pdfRejection(Buffer.alloc(0))).extensions.reason).toBe('EMPTY');
    expect((await pdfRejection(JPEG)).extensions.reason).toBe('TYPE_NOT_ALLOWED');
    expect((await pdfRejection(Buffer.from('Ini bukan PDF.\n'))).message).toBe('Jenis berkas tidak diizinkan; gunakan PDF.');
  });

  it('refuses a file that starts like a PDF but is garbage, or is cut short', async () => {
    // pdf-lib narrates its repair attempts. Restored after: the unit layer's files share a worker.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const garbage = await pdfRejection(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2000)]));
      expect(garbage.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'spk', reason: 'PDF_CORRUPT' });
      expect(garbage.message).toBe('Berkas PDF rusak atau tidak dapat dibaca.');
      const full = await realPdf();
      expect((await pdfRejection(full.subarray(0, Math.floor(full.length / 2)))).extensions.reason).toBe('PDF_CORRUPT');
      expect((await pdfRejection(Buffer.from('%PDF-'))).extensions.reason).toBe('PDF_CORRUPT');
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses a PDF whose pages are all gone', async () => {
    const empty = handMadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'], '/Root 1 0 R');
    expect((await pdfRejection(empty)).extensions.reason).toBe('PDF_CORRUPT');
  });

  it('refuses an encrypted PDF: pdf-lib itself sees the /Encrypt entry of the trailer', async () => {
    // The name is spelt with a #-escape, which the byte scan does not read but pdf-lib decodes.
    const bytes = handMadePdf([...PAGE_TREE, ENCRYPT_DICT], `/Root 1 0 R /Encr#79pt 4 0 R /ID [<${hex(16)}> <${hex(16)}>]`);
    // What pdf-lib does with it: refuses to load unless told to ignore encryption, then reports it.
    await expect(PDFDocument.load(bytes)).rejects.toThrow(/is encrypted/);
    expect((await PDFDocument.load(bytes, { ignoreEncryption: true })).isEncrypted).toBe(true);
    const err = await pdfRejection(bytes);
    expect(err.extensions).toMatchObject({ field: 'spk', reason: 'PDF_ENCRYPTED' });
    expect(err.message).toBe('Berkas PDF dilindungi kata sandi; unggah PDF tanpa kata sandi.');
  });

  it('refuses an encrypted PDF even when pdf-lib cannot resolve its encryption dictionary', async () => {
    // /Encrypt points at an object that is not in the file: pdf-lib loads it as if it were plain.
    const dangling = handMadePdf(PAGE_TREE, '/Root 1 0 R /Encrypt 9 0 R');
    expect((await PDFDocument.load(dangling)).isEncrypted).toBe(false);
    expect((await pdfRejection(dangling)).extensions.reason).toBe('PDF_ENCRYPTED');
    const direct = handMadePdf(PAGE_TREE, `/Root 1 0 R /Encrypt ${ENCRYPT_DICT}`);
    expect((await pdfRejection(direct)).extensions.reason).toBe('PDF_ENCRYPTED');
  });

  it('says so in English too', async () => {
    const bytes = handMadePdf([...PAGE_TREE, ENCRYPT_DICT], '/Root 1 0 R /Encrypt 4 0 R');
    const err = await runInRequestScope({ requestId: 't', locale: 'en' }, () => pdfRejection(bytes));
    expect(err.message).toBe('The PDF file is password-protected; upload it without a password.');
  });
});
