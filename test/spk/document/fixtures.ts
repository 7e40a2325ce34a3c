import { splitWithRemainderLast } from '../../../server/src/money/rupiah';
import type { SpkDocumentData } from '../../../server/src/spk/document';

/** Monthly due dates from a start date on the 1st (no end-of-month clamping needed). */
function schedule(startDate: string, tenor: number, upfront: bigint, financedWithMargin: bigint): SpkDocumentData['installments'] {
  const [y, m] = startDate.split('-').map(Number) as [number, number];
  const due = (k: number) => {
    const month = m - 1 + k;
    return `${y + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
  };
  return [
    { number: 0, dueDate: startDate, amount: upfront },
    ...splitWithRemainderLast(financedWithMargin, tenor).map((amount, i) => ({ number: i + 1, dueDate: due(i + 1), amount })),
  ];
}

const provider: SpkDocumentData['provider'] = {
  companyName: 'PT Awan Nusantara Teknologi',
  address: 'Gedung Cyber 2 Lt. 17, Jl. H.R. Rasuna Said Blok X-5 No. 13, Kuningan, Setiabudi, Jakarta Selatan 12950',
  phone: '(021) 5090 1234',
  email: 'billing@awannusantara.co.id',
  website: 'https://awannusantara.co.id',
  npwp: '0012345678901000',
  representativeName: 'Rina Kusumawardani',
  representativeTitle: 'Direktur Operasional',
};

/**
 * A VPS on 12 months: cash 6.000.000, down payment 10% (600.000), admin fee 100.000, margin 1,25% a
 * month for 12 months on the 5.400.000 financed (810.000): total 6.910.000. Installment 0 is the
 * down payment plus the admin fee (700.000); 1..12 are 6.210.000 / 12 = 517.500 each.
 */
export function vpsTwelveMonths(overrides: Partial<SpkDocumentData> = {}): SpkDocumentData {
  return {
    number: 'SPK/2026/11/000123',
    documentCode: 'SPK-7Q2M9X4K3P',
    verifyUrl: 'http://localhost:4000/verify/SPK-7Q2M9X4K3P',
    version: 1,
    date: '2026-11-24',
    city: 'Jakarta',
    provider,
    customer: {
      fullName: 'Budi Santoso',
      nik: '3174051208850003',
      address: 'Jl. Kemang Raya No. 45, RT 004/RW 002, Bangka, Mampang Prapatan, Jakarta Selatan 12730',
      phone: '+6281234567890',
      email: 'budi.santoso@example.co.id',
      company: null,
    },
    order: {
      number: 'ORD-2026-000457',
      startDate: '2026-12-01',
      planName: 'Cicilan 12 Bulan',
      tenorMonths: 12,
      cashPrice: 6_000_000n,
      setupFee: 0n,
      adminFee: 100_000n,
      downPayment: 600_000n,
      marginAmount: 810_000n,
      totalPrice: 6_910_000n,
      lateFee: { graceDays: 3, type: 'FIXED_PER_DAY', value: 10_000n, cap: 300_000n },
      autoSuspendAfterDays: 14,
    },
    items: [
      {
        position: 1,
        productName: 'VPS Pro 4',
        category: 'VPS',
        specs: { cpu: '4 vCPU', ramGb: 8, storageGb: 160, storageType: 'NVMe SSD', bandwidth: '1 Gbps unmetered', ipv4Count: 1 },
        cashPrice: 6_000_000n,
        setupFee: 0n,
      },
    ],
    installments: schedule('2026-12-01', 12, 700_000n, 6_210_000n),
    ...overrides,
  };
}

/**
 * Three items on 36 months for a company: cash 72.000.000, setup 2.000.000, admin 3 x 250.000, down
 * payment 20% (14.400.000), margin 1% a month for 36 months on 57.600.000 (20.736.000): total
 * 95.486.000; installment 0 is 17.150.000 and 1..36 are 78.336.000 / 36 = 2.176.000.
 */
export function threeItemsThirtySixMonths(): SpkDocumentData {
  return {
    number: 'SPK/2026/11/000124',
    documentCode: 'SPK-H8XK2M4P9R',
    verifyUrl: 'https://portal.awannusantara.co.id/verify/SPK-H8XK2M4P9R',
    version: 3,
    date: '2026-11-25',
    city: 'Jakarta Selatan',
    provider: { ...provider, website: null },
    customer: {
      fullName: 'Siti Nurhaliza Rahmawati Putri',
      nik: '3273016502900001',
      address: 'Komplek Taman Sari Indah Blok C-7 No. 21, Jl. Dr. Setiabudhi, Kelurahan Hegarmanah, Kecamatan Cidadap, Kota Bandung, Jawa Barat 40141',
      phone: '+6285712345678',
      email: 'siti.nurhaliza.rahmawati.putri@maju-digital-nusantara.example.co.id',
      company: 'PT Maju Digital Nusantara Sejahtera',
    },
    order: {
      number: 'ORD-2026-000458',
      startDate: '2027-01-01',
      planName: 'Cicilan Bisnis 36 Bulan',
      tenorMonths: 36,
      cashPrice: 72_000_000n,
      setupFee: 2_000_000n,
      adminFee: 750_000n,
      downPayment: 14_400_000n,
      marginAmount: 20_736_000n,
      totalPrice: 95_486_000n,
      lateFee: { graceDays: 5, type: 'PERCENT_PER_DAY', value: 10n, cap: 500_000n },
      autoSuspendAfterDays: null,
    },
    items: [
      {
        position: 1,
        productName: 'Dedicated Server Xeon E-2388G',
        category: 'DEDICATED_SERVER',
        specs: { cpu: 'Intel Xeon E-2388G 8C/16T', ramGb: 64, storageGb: 1920, storageType: '2 x NVMe SSD RAID 1', bandwidth: '1 Gbps dedicated', ipv4Count: 8, rackUnits: null },
        cashPrice: 45_000_000n,
        setupFee: 1_500_000n,
      },
      {
        position: 2,
        productName: 'Colocation 2U Jakarta DC2',
        category: 'COLOCATION',
        specs: { rackUnits: 2, powerWatts: 500, bandwidth: '100 Mbps', ipv4Count: 2 },
        cashPrice: 18_000_000n,
        setupFee: 500_000n,
      },
      {
        position: 3,
        productName: 'Cloud Server Business 8',
        category: 'CLOUD_SERVER',
        specs: { cpu: '8 vCPU', ramGb: 16, storageGb: 320, storageType: 'SSD', bandwidth: 'unmetered' },
        cashPrice: 9_000_000n,
        setupFee: 0n,
      },
    ],
    installments: schedule('2027-01-01', 36, 17_150_000n, 78_336_000n),
  };
}
