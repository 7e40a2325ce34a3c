import { formatRupiah } from '../../money/rupiah';
import { terbilang } from '../../money/terbilang';
import { formatLateFeeRate, formatTanggal } from './format';
import type { SpkDocumentData } from './types';

/**
 * The wording of the agreement. Kept apart from the drawing code so that legal review reads (and
 * diffs) plain sentences. Each clause is a list of numbered paragraphs (ayat), some with lettered
 * sub-items; the renderer numbers them. Pasal 1 to 3 carry tables, so they are split around them.
 */

export interface ClauseItem {
  text: string;
  sub?: string[];
}

export interface Clause {
  title: string;
  items: ClauseItem[];
}

/** Pasal numbers, in the order the document prints them; cross references use these. */
const ORDER = ['objek', 'jangkaWaktu', 'harga', 'pihakPertama', 'pihakKedua', 'keterlambatan', 'penangguhan', 'pengakhiran', 'kahar', 'dataPribadi', 'perselisihan', 'penutup'] as const;
export type PasalKey = (typeof ORDER)[number];
export const pasal = (key: PasalKey): number => ORDER.indexOf(key) + 1;

/** "12 (dua belas)": how Indonesian contracts write counts of days and months. */
const count = (n: number) => `${n} (${terbilang(BigInt(n))})`;

export const TITLES: Record<PasalKey, string> = {
  objek: 'OBJEK PERJANJIAN',
  jangkaWaktu: 'JANGKA WAKTU',
  harga: 'HARGA DAN CARA PEMBAYARAN',
  pihakPertama: 'HAK DAN KEWAJIBAN PIHAK PERTAMA',
  pihakKedua: 'HAK DAN KEWAJIBAN PIHAK KEDUA',
  keterlambatan: 'KETERLAMBATAN PEMBAYARAN DAN DENDA',
  penangguhan: 'PENANGGUHAN DAN PEMULIHAN LAYANAN',
  pengakhiran: 'PENGAKHIRAN PERJANJIAN',
  kahar: 'KEADAAN KAHAR (FORCE MAJEURE)',
  dataPribadi: 'PELINDUNGAN DATA PRIBADI',
  perselisihan: 'HUKUM YANG BERLAKU DAN PENYELESAIAN PERSELISIHAN',
  penutup: 'KETENTUAN LAIN DAN PENUTUP',
};

export function openingText(d: SpkDocumentData, hari: string): string {
  return `Pada hari ini, ${hari}, tanggal ${formatTanggal(d.date)}, bertempat di ${d.city}, yang bertanda tangan di bawah ini:`;
}

export const PARTIES_AGREE =
  'PIHAK PERTAMA dan PIHAK KEDUA, yang selanjutnya secara bersama-sama disebut PARA PIHAK, dengan ini sepakat untuk mengikatkan diri dalam Surat Perjanjian Kerjasama ini (selanjutnya disebut "Perjanjian") dengan ketentuan dan syarat-syarat sebagai berikut:';

export function objekBefore(d: SpkDocumentData): string {
  return `PIHAK PERTAMA setuju untuk menyediakan, dan PIHAK KEDUA setuju untuk menerima serta membayar, layanan infrastruktur hosting sebagaimana tercantum dalam pesanan nomor ${d.order.number} dengan rincian sebagai berikut:`;
}

export function objekAfter(): ClauseItem[] {
  return [
    { text: 'Spesifikasi dalam tabel di atas merupakan spesifikasi minimum yang wajib disediakan oleh PIHAK PERTAMA selama Perjanjian ini berlaku.' },
    {
      text: 'Perubahan spesifikasi, penambahan, atau pengurangan layanan hanya dapat dilakukan berdasarkan kesepakatan tertulis PARA PIHAK dan dituangkan dalam versi baru atau adendum Perjanjian ini.',
    },
  ];
}

export function jangkaWaktu(d: SpkDocumentData): ClauseItem[] {
  return [
    { text: `Layanan mulai diberikan pada tanggal ${formatTanggal(d.order.startDate)}.` },
    { text: `Pembayaran dilakukan secara angsuran selama ${count(d.order.tenorMonths)} bulan menurut jadwal pada Pasal ${pasal('harga')}.` },
    {
      text: `Perjanjian ini berlaku sejak ditandatangani oleh PARA PIHAK sampai seluruh kewajiban PARA PIHAK berdasarkan Perjanjian ini terpenuhi, kecuali diakhiri lebih awal sesuai Pasal ${pasal('pengakhiran')}.`,
    },
  ];
}

export function hargaIntro(d: SpkDocumentData, words: string): string {
  return `Total harga yang wajib dibayar PIHAK KEDUA berdasarkan Perjanjian ini adalah sebesar ${formatRupiah(d.order.totalPrice)} (${words}), dengan rincian sebagai berikut:`;
}

export const SCHEDULE_INTRO = 'Pembayaran dilakukan melalui pembayaran awal dan angsuran bulanan menurut jadwal berikut:';

export function hargaAfter(d: SpkDocumentData): ClauseItem[] {
  const first = d.installments.find((i) => i.number === 0);
  const items: ClauseItem[] = [];
  if (first) {
    items.push({
      text: `Pembayaran awal (angsuran ke-0) sebesar ${formatRupiah(first.amount)} meliputi uang muka, biaya administrasi, dan biaya pemasangan, dan wajib dibayar paling lambat pada tanggal ${formatTanggal(first.dueDate)}.`,
    });
  }
  items.push(
    {
      text: 'Pembayaran dilakukan melalui transfer ke rekening resmi atas nama PIHAK PERTAMA atau melalui kanal pembayaran yang tersedia pada portal pelanggan PIHAK PERTAMA. Pembayaran dianggap diterima pada saat dana efektif diterima dan dikonfirmasi oleh PIHAK PERTAMA.',
    },
    ...(d.provider.virtualAccountBank
      ? [{
          text: `Pada saat Perjanjian ini dikonfirmasi, PIHAK PERTAMA menerbitkan satu nomor virtual account ${d.provider.virtualAccountBank} khusus untuk Perjanjian ini, yang dicantumkan pada portal pelanggan, pengingat tagihan dan kuitansi. Setiap dana yang masuk ke nomor tersebut, berapa pun jumlahnya, diperhitungkan sebagai pembayaran berdasarkan Perjanjian ini menurut urutan pada ayat berikut.`,
        }]
      : []),
    {
      text: 'Setiap pembayaran diperhitungkan terlebih dahulu untuk angsuran yang paling lama jatuh tempo, dan dalam setiap angsuran untuk denda keterlambatan sebelum jumlah angsurannya.',
    },
    { text: 'PIHAK KEDUA berhak melunasi seluruh sisa kewajibannya lebih awal dari jadwal.' },
    { text: 'Pajak yang timbul atas transaksi ini dikenakan sesuai ketentuan peraturan perundang-undangan perpajakan yang berlaku.' },
  );
  return items;
}

function keterlambatan(d: SpkDocumentData): Clause {
  const fee = d.order.lateFee;
  const grace =
    fee.graceDays > 0
      ? `PIHAK PERTAMA memberikan masa tenggang selama ${count(fee.graceDays)} hari kalender sejak tanggal jatuh tempo; selama masa tenggang tidak dikenakan denda.`
      : 'Tidak terdapat masa tenggang: denda keterlambatan berlaku sejak hari pertama setelah tanggal jatuh tempo.';
  const cap =
    fee.cap !== null
      ? `Jumlah denda keterlambatan untuk setiap angsuran paling banyak ${formatRupiah(fee.cap)}.`
      : 'Denda keterlambatan terus berjalan sampai angsuran yang terlambat dilunasi.';
  return {
    title: TITLES.keterlambatan,
    items: [
      { text: 'Angsuran yang tidak dibayar lunas sampai dengan tanggal jatuh temponya merupakan tunggakan.' },
      { text: grace },
      {
        text: `Atas setiap tunggakan, PIHAK KEDUA dikenakan denda keterlambatan sebesar ${formatLateFeeRate(fee)}${fee.graceDays > 0 ? ', yang dihitung sejak hari pertama setelah masa tenggang berakhir' : ''} sampai tunggakan dilunasi.`,
      },
      { text: cap },
      {
        text: 'PIHAK PERTAMA menyampaikan pemberitahuan tunggakan kepada PIHAK KEDUA melalui portal pelanggan, surat elektronik, dan/atau pesan WhatsApp ke alamat dan nomor yang tercantum dalam Perjanjian ini.',
      },
    ],
  };
}

function penangguhan(d: SpkDocumentData): Clause {
  const auto = d.order.autoSuspendAfterDays;
  return {
    title: TITLES.penangguhan,
    items: [
      { text: 'Apabila terdapat tunggakan, PIHAK KEDUA dapat memilih untuk melunasi tunggakan beserta dendanya atau meminta penangguhan layanan (suspend) melalui portal pelanggan.' },
      {
        text:
          auto !== null
            ? `Apabila tunggakan belum dilunasi dalam waktu ${count(auto)} hari sejak tanggal jatuh tempo, PIHAK PERTAMA berhak menangguhkan layanan setelah menyampaikan pemberitahuan sebagaimana dimaksud dalam Pasal ${pasal('keterlambatan')}.`
            : `PIHAK PERTAMA tidak menangguhkan layanan secara otomatis. Selain atas permintaan PIHAK KEDUA, penangguhan hanya dilakukan setelah PIHAK PERTAMA menyampaikan pemberitahuan tertulis paling lambat 3 (tiga) hari sebelumnya.`,
      },
      { text: 'Selama masa penangguhan, layanan tidak dapat diakses, data PIHAK KEDUA tetap disimpan, dan kewajiban pembayaran PIHAK KEDUA tetap berjalan.' },
      {
        text: 'Layanan dipulihkan (unsuspend) paling lambat 1 (satu) hari kerja setelah tunggakan beserta dendanya dilunasi. PIHAK PERTAMA dapat pula memulihkan layanan atas pertimbangannya sendiri untuk memberikan kesempatan kepada PIHAK KEDUA melunasi tunggakannya, termasuk apabila penangguhan terjadi karena kekeliruan.',
      },
      { text: 'PIHAK PERTAMA tidak bertanggung jawab atas kerugian PIHAK KEDUA yang timbul akibat penangguhan layanan yang dilakukan sesuai dengan Pasal ini.' },
    ],
  };
}

function pengakhiran(d: SpkDocumentData): Clause {
  const colocation = d.items.some((i) => i.category === 'COLOCATION');
  const items: ClauseItem[] = [
    { text: 'Perjanjian ini berakhir dengan sendirinya apabila seluruh kewajiban PARA PIHAK telah dipenuhi.' },
    {
      text: 'PIHAK PERTAMA dapat mengakhiri Perjanjian ini dengan pemberitahuan tertulis kepada PIHAK KEDUA apabila:',
      sub: [
        'tunggakan PIHAK KEDUA tidak dilunasi dalam waktu 30 (tiga puluh) hari sejak layanan ditangguhkan;',
        'PIHAK KEDUA menggunakan layanan untuk kegiatan yang melanggar peraturan perundang-undangan; atau',
        'data identitas yang diberikan PIHAK KEDUA terbukti tidak benar.',
      ],
    },
    {
      text: 'PIHAK KEDUA dapat mengakhiri Perjanjian ini dengan pemberitahuan tertulis paling lambat 30 (tiga puluh) hari sebelumnya. Pengakhiran tidak menghapus kewajiban pembayaran yang telah jatuh tempo sampai dengan tanggal pengakhiran.',
    },
    {
      text: 'Setelah Perjanjian berakhir karena pengakhiran, PIHAK PERTAMA memberikan waktu 7 (tujuh) hari kepada PIHAK KEDUA untuk memindahkan datanya; setelah itu data pada layanan dapat dihapus secara permanen.',
    },
  ];
  if (colocation) {
    items.push({
      text: 'Untuk layanan Colocation, perangkat milik PIHAK KEDUA wajib diambil dalam waktu 14 (empat belas) hari sejak Perjanjian berakhir, setelah seluruh kewajiban yang telah jatuh tempo dilunasi.',
    });
  }
  items.push({
    text: 'Untuk pengakhiran Perjanjian ini, PARA PIHAK sepakat untuk mengesampingkan ketentuan Pasal 1266 Kitab Undang-Undang Hukum Perdata sepanjang mensyaratkan adanya putusan pengadilan.',
  });
  return { title: TITLES.pengakhiran, items };
}

/** Pasal 4 onward: only text. */
export function textClauses(d: SpkDocumentData): { key: PasalKey; clause: Clause }[] {
  const clauses: { key: PasalKey; clause: Clause }[] = [
    {
      key: 'pihakPertama',
      clause: {
        title: TITLES.pihakPertama,
        items: [
          {
            text: 'PIHAK PERTAMA berkewajiban:',
            sub: [
              `menyediakan layanan sesuai spesifikasi pada Pasal ${pasal('objek')} sejak tanggal mulai layanan;`,
              'menjaga ketersediaan, keamanan fisik, dan jaringan infrastruktur yang berada dalam kendalinya;',
              'memberikan dukungan teknis melalui kanal resmi PIHAK PERTAMA;',
              'memberitahukan pemeliharaan terjadwal yang dapat mengganggu layanan paling lambat 3 (tiga) hari sebelumnya;',
              'menerbitkan bukti pembayaran atas setiap pembayaran yang diterima; dan',
              `menjaga kerahasiaan data PIHAK KEDUA sesuai Pasal ${pasal('dataPribadi')}.`,
            ],
          },
          {
            text: 'PIHAK PERTAMA berhak:',
            sub: [
              `menerima pembayaran sesuai jadwal pada Pasal ${pasal('harga')};`,
              `mengenakan denda keterlambatan dan menangguhkan layanan sesuai Pasal ${pasal('keterlambatan')} dan Pasal ${pasal('penangguhan')}; dan`,
              'menghentikan sementara layanan yang digunakan untuk kegiatan yang melanggar hukum atau mengganggu jaringan pihak lain.',
            ],
          },
        ],
      },
    },
    {
      key: 'pihakKedua',
      clause: {
        title: TITLES.pihakKedua,
        items: [
          {
            text: 'PIHAK KEDUA berkewajiban:',
            sub: [
              `membayar pembayaran awal dan setiap angsuran tepat waktu sesuai jadwal pada Pasal ${pasal('harga')};`,
              'memberikan data identitas yang benar dan memberitahukan setiap perubahannya kepada PIHAK PERTAMA;',
              'menggunakan layanan sesuai hukum yang berlaku di Republik Indonesia, dan tidak untuk menyimpan atau menyebarkan konten yang melanggar hukum, termasuk perjudian daring, pornografi, perangkat lunak berbahaya, spam, dan pelanggaran hak kekayaan intelektual;',
              'menjaga kerahasiaan kredensial akses layanan dan bertanggung jawab atas seluruh aktivitas yang menggunakan kredensial tersebut; dan',
              'membuat cadangan (backup) atas datanya sendiri, kecuali layanan cadangan termasuk dalam objek Perjanjian ini.',
            ],
          },
          {
            text: 'PIHAK KEDUA berhak:',
            sub: [
              `menerima layanan sesuai spesifikasi pada Pasal ${pasal('objek')};`,
              'memperoleh dukungan teknis, informasi tagihan, dan riwayat pembayarannya; dan',
              `mengakses, memperbaiki, dan meminta penghapusan data pribadinya sesuai Pasal ${pasal('dataPribadi')}.`,
            ],
          },
        ],
      },
    },
    { key: 'keterlambatan', clause: keterlambatan(d) },
    { key: 'penangguhan', clause: penangguhan(d) },
    { key: 'pengakhiran', clause: pengakhiran(d) },
    {
      key: 'kahar',
      clause: {
        title: TITLES.kahar,
        items: [
          {
            text: 'Keadaan kahar adalah peristiwa di luar kendali wajar PARA PIHAK yang tidak dapat diperkirakan sebelumnya dan secara langsung menghalangi pelaksanaan Perjanjian ini, antara lain bencana alam, kebakaran, epidemi, perang, huru-hara, gangguan listrik atau telekomunikasi berskala luas, serta tindakan atau kebijakan pemerintah.',
          },
          { text: 'Pihak yang mengalami keadaan kahar wajib memberitahukannya secara tertulis kepada pihak lainnya paling lambat 7 (tujuh) hari sejak terjadinya keadaan kahar tersebut.' },
          {
            text: 'Selama keadaan kahar berlangsung, kewajiban yang terhalang ditangguhkan dan tidak dianggap sebagai wanprestasi. Kewajiban pembayaran atas layanan yang tetap dapat digunakan tetap berjalan.',
          },
          { text: 'Apabila keadaan kahar berlangsung lebih dari 60 (enam puluh) hari, PARA PIHAK akan bermusyawarah mengenai kelanjutan Perjanjian ini.' },
        ],
      },
    },
    {
      key: 'dataPribadi',
      clause: {
        title: TITLES.dataPribadi,
        items: [
          {
            text: 'PIHAK PERTAMA memproses data pribadi PIHAK KEDUA, termasuk nama, NIK, alamat, nomor telepon, alamat surat elektronik, dan tanda tangan, sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi, semata-mata untuk pelaksanaan Perjanjian ini, penagihan, dan pemenuhan kewajiban hukum.',
          },
          { text: 'Dengan menandatangani Perjanjian ini, PIHAK KEDUA memberikan persetujuan atas pemrosesan data pribadi sebagaimana dimaksud pada ayat (1).' },
          {
            text: 'PIHAK PERTAMA membatasi akses atas data pribadi hanya kepada personel yang memerlukannya, mencatat setiap akses, dan tidak membagikannya kepada pihak ketiga kecuali kepada pemroses yang diperlukan untuk pelaksanaan Perjanjian ini, antara lain penyedia layanan pembayaran dan meterai elektronik, atau apabila diwajibkan oleh peraturan perundang-undangan.',
          },
          {
            text: 'PIHAK KEDUA berhak mengakses, memperoleh salinan, memperbaiki, dan meminta penghapusan data pribadinya, kecuali data yang wajib disimpan berdasarkan peraturan perundang-undangan, termasuk dokumen perjanjian dan dokumen perpajakan.',
          },
          { text: 'Dalam hal terjadi kegagalan pelindungan data pribadi, PIHAK PERTAMA memberitahukannya kepada PIHAK KEDUA paling lambat 3 x 24 (tiga kali dua puluh empat) jam.' },
        ],
      },
    },
    {
      key: 'perselisihan',
      clause: {
        title: TITLES.perselisihan,
        items: [
          { text: 'Perjanjian ini tunduk pada dan ditafsirkan menurut hukum Negara Republik Indonesia.' },
          {
            text: 'Setiap perselisihan yang timbul dari atau sehubungan dengan Perjanjian ini akan diselesaikan terlebih dahulu secara musyawarah untuk mufakat dalam waktu 30 (tiga puluh) hari sejak salah satu pihak memberitahukan perselisihan tersebut secara tertulis.',
          },
          {
            text: `Apabila musyawarah tidak mencapai mufakat, PARA PIHAK sepakat untuk menyelesaikan perselisihan melalui Pengadilan Negeri ${d.city} dan memilih domisili hukum yang tetap di Kepaniteraan Pengadilan Negeri tersebut.`,
          },
        ],
      },
    },
    {
      key: 'penutup',
      clause: {
        title: TITLES.penutup,
        items: [
          {
            text: 'Perjanjian ini dibuat dalam bentuk dokumen elektronik yang ditandatangani dengan tanda tangan elektronik dan dibubuhi meterai elektronik, dan mempunyai kekuatan hukum yang sah sesuai Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik beserta perubahannya dan Undang-Undang Nomor 10 Tahun 2020 tentang Bea Meterai.',
          },
          {
            text: 'Apabila PIHAK KEDUA menandatangani cetakan dokumen ini dengan tanda tangan basah, pindaian dokumen tersebut hanya diterima apabila kode dokumen dan kode QR pada setiap halaman tetap terbaca dan sesuai dengan dokumen yang diterbitkan PIHAK PERTAMA.',
          },
          {
            text: `Keaslian Perjanjian ini dapat diperiksa dengan memindai kode QR pada setiap halaman atau membuka ${d.verifyUrl} dan mencocokkan kode dokumen ${d.documentCode}.`,
          },
          {
            text: `Dokumen ini adalah Versi ${d.version} dari Perjanjian nomor ${d.number}. Yang berlaku di antara PARA PIHAK adalah versi terakhir yang ditandatangani oleh PARA PIHAK.`,
          },
          { text: 'Hal-hal yang belum diatur dalam Perjanjian ini akan diatur kemudian dalam adendum yang merupakan bagian tidak terpisahkan dari Perjanjian ini.' },
        ],
      },
    },
  ];
  return clauses;
}

export const CLOSING =
  'Demikian Perjanjian ini dibuat dengan itikad baik, telah dibaca, dipahami, dan disetujui oleh PARA PIHAK, serta ditandatangani pada tanggal sebagaimana disebutkan pada awal Perjanjian ini.';
