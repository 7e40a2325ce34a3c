import { StatementSource } from '../../server/src/payments/statements/statement-line.entity';

/**
 * Statement exports as each bank's internet banking writes them (see the layout notes in
 * server/src/payments/statements/parsers.ts), built around the given credits, with a debit, a pending
 * line and the balance trailer where the layout has them, so the parsers meet what they skip too.
 */
export interface Credit {
  date: string;
  amount: bigint;
  name: string;
}

const dmy = (iso: string, yy = false) => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${yy ? y!.slice(2) : y}`;
};
const us = (n: bigint) => `${n.toLocaleString('en-US')}.00`;
const id = (n: bigint) => `${n.toLocaleString('de-DE')},00`;

export function statementFile(source: StatementSource, credits: Credit[]): string {
  const year = credits[0]?.date.slice(0, 4) ?? '2026';
  switch (source) {
    case StatementSource.BCA:
      return [
        'No. rekening : 0123456789',
        'Nama : PT ANGSUR HOSTING NUSANTARA',
        `Periode : 01/12/${year} - 31/12/${year}`,
        'Kode Mata Uang : Rp',
        '',
        'Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo',
        ...credits.map((c) => `'${dmy(c.date).slice(0, 5)},TRSF E-BANKING CR ${dmy(c.date).slice(0, 5).replace('/', '')}/FTSCY/WS95031 ${c.amount}.00 ${c.name},0000,"${us(c.amount)}",CR,"10,000,000.00"`),
        `'${dmy(credits[0]!.date).slice(0, 5)},BIAYA ADM,0000,"10,000.00",DB,"9,990,000.00"`,
        'PEND,TRSF E-BANKING CR 9999/FTSCY/WS95031 5000.00 TIDAK ADA,0000,"5,000.00",CR,"0.00"',
        'Saldo Awal,"1,000,000.00"',
        `Mutasi Kredit,"1,000,000.00",${credits.length}`,
        'Mutasi Debet,"10,000.00",1',
        'Saldo Akhir,"9,990,000.00"',
      ].join('\r\n');
    case StatementSource.MANDIRI:
      return [
        'Account No,Date,Val. Date,Transaction Code,Description,Description,Reference No.,Debit,Credit,',
        ...credits.map((c, i) => `1230001234567,${dmy(c.date, true)},${dmy(c.date, true)},1234,MCM InhouseTrf,DARI ${c.name},REF${i},0.00,"${us(c.amount)}",`),
        `1230001234567,${dmy(credits[0]!.date, true)},${dmy(credits[0]!.date, true)},9999,BIAYA ADM,,ADM1,"10,000.00",0.00,`,
      ].join('\n');
    case StatementSource.BNI:
      return [
        'Post Date,Value Date,Branch,Journal No.,Description,Amount,Db/Cr,Balance',
        ...credits.map((c, i) => `${dmy(c.date)} 10.15.22,${dmy(c.date)},0259,${100000 + i},TRANSFER DARI ${c.name},"${us(c.amount)}",C,"10,000,000.00"`),
        `${dmy(credits[0]!.date)} 11.00.00,${dmy(credits[0]!.date)},0259,200000,BIAYA ADM,"10,000.00",D,"9,990,000.00"`,
      ].join('\n');
    case StatementSource.BRI:
      return [
        'Tanggal Transaksi,Uraian Transaksi,Teller,Debet,Kredit,Saldo',
        ...credits.map((c, i) => `${dmy(c.date, true)} 10:15:22,TRANSFER DARI ${c.name},${8800 + i},"0,00","${id(c.amount)}","10.000.000,00"`),
        `${dmy(credits[0]!.date, true)} 11:00:00,BIAYA ADM,8888,"10.000,00","0,00","9.990.000,00"`,
      ].join('\n');
    case StatementSource.MT940: {
      const yymmdd = (iso: string) => iso.slice(2).replace(/-/g, '');
      const total = credits.reduce((s, c) => s + c.amount, 0n);
      const opening = 10_000_000n;
      return [
        ':20:STMT' + yymmdd(credits[0]!.date),
        ':25:0123456789',
        ':28C:00001/001',
        `:60F:C${yymmdd(credits[0]!.date)}IDR${opening},00`,
        ...credits.flatMap((c, i) => [`:61:${yymmdd(c.date)}${yymmdd(c.date).slice(2)}C${c.amount},00NTRFREF${i}//BANK${i}`, `:86:TRANSFER DARI ${c.name}`]),
        `:61:${yymmdd(credits[0]!.date)}${yymmdd(credits[0]!.date).slice(2)}D10000,00NCHGADM//ADM`,
        ':86:BIAYA ADM',
        `:62F:C${yymmdd(credits[credits.length - 1]!.date)}IDR${opening + total - 10_000n},00`,
        '-',
      ].join('\n');
    }
    default:
      throw new Error(`no file for ${source}`);
  }
}
