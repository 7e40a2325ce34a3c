import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installmentDisplayStatus } from '../../admin/src/installments/display-status';
import { InstallmentStatus } from '../../server/src/installments/installment-status';
import { CLOSED_LINE_STATUSES, isClosedLine } from '../../server/src/installments/rules';

const runs = Number(process.env.PROPERTY_RUNS ?? 2000);
const money = fc.bigInt({ min: 0n, max: 10_000_000n });

describe('closed lines (cancelled or restructured) are shown as what they are', () => {
  it('isClosedLine is exactly CANCELLED and RESTRUCTURED', () => {
    expect(Object.values(InstallmentStatus).filter(isClosedLine).sort()).toEqual(['CANCELLED', 'RESTRUCTURED']);
    expect([...CLOSED_LINE_STATUSES].sort()).toEqual(['CANCELLED', 'RESTRUCTURED']);
  });

  it('the console never shows a closed line as paid, due or overdue, whatever its money and date', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLOSED_LINE_STATUSES), money, money, money, fc.boolean(), fc.boolean(), (status, amount, fee, paid, past, payable) => {
        // A restructured line keeps only what was paid on it (amount = paidAmount): money says "paid".
        const line = { status, dueDate: past ? '2026-01-01' : '2027-01-01', amount: amount.toString(), paidAmount: (paid > amount ? amount : paid).toString(), lateFee: fee.toString(), lateFeePaid: '0' };
        expect(installmentDisplayStatus(line, '2026-06-01', payable)).toBe(status);
      }),
      { numRuns: runs },
    );
  });
});

/**
 * The server filters closed lines by the one rule (`liveLines()`, `CLOSED_LINE_SQL`). A hand-written
 * "not CANCELLED" filter keeps restructured lines in, which only some readers mean (what was paid on a
 * restructured line stays in the SPK, the ledger, the order's money): each such filter says so in a
 * comment starting "Not the closed-line rule" just above it, and any other is a mistake.
 */
describe('filters of closed lines in the server', () => {
  const SERVER = path.join(__dirname, '..', '..', 'server', 'src');
  const handWritten = /\$ne: InstallmentStatus\.CANCELLED|\bi\.status <> 'CANCELLED'/;
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

  it('use the rule, or say why not', () => {
    const found: string[] = [];
    const unexplained: string[] = [];
    for (const file of files(SERVER)) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, n) => {
        if (!handWritten.test(line)) return;
        const where = `${path.relative(SERVER, file)}:${n + 1}`;
        found.push(where);
        if (!lines.slice(Math.max(0, n - 8), n).some((l) => /^\s*\/\/ Not the closed-line rule\b/.test(l))) unexplained.push(where);
      });
    }
    expect(unexplained).toEqual([]);
    // The search itself works: the SPK's lines keep restructured money on purpose.
    expect(found.some((f) => f.startsWith('spk/spk.service.ts'))).toBe(true);
  });
});
