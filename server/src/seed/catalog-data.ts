import { DownPaymentType, LateFeeType, ProductCategory } from '../catalog/enums';

/** The demo catalog: one product per category with the installment plans it is sold on. */
export const demoCatalog = [
  {
    category: ProductCategory.VPS,
    name: 'VPS NVMe 4',
    slug: 'vps-nvme-4',
    description: 'VPS 4 vCPU, 8 GB RAM, 160 GB NVMe, kontrak 12 bulan.',
    specs: { cpu: '4 vCPU', ramGb: 8, storageGb: 160, storageType: 'NVMe SSD', bandwidth: 'Unmetered 1 Gbps', ipv4Count: 1 },
    cashPrice: 6_000_000n,
    setupFee: 0n,
    // Consumer prices are quoted with PPN included; a product sold without it sets false.
    pricesIncludeVat: true,
    contractEndTerms:
      'Setelah angsuran terakhir lunas, VPS tetap aktif dengan biaya perpanjangan bulanan sesuai harga katalog saat itu. Anda dapat memperpanjang, meningkatkan paket, atau berhenti berlangganan; data dihapus 30 hari setelah layanan berhenti.',
    plans: ['6', '12'],
  },
  {
    category: ProductCategory.CLOUD_SERVER,
    name: 'Cloud Server Pro 8',
    slug: 'cloud-server-pro-8',
    description: 'Cloud server 8 vCPU, 16 GB RAM, 320 GB NVMe dengan snapshot harian, kontrak 12 bulan.',
    specs: { cpu: '8 vCPU', ramGb: 16, storageGb: 320, storageType: 'NVMe SSD', bandwidth: 'Unmetered 1 Gbps', ipv4Count: 1 },
    cashPrice: 18_000_000n,
    setupFee: 250_000n,
    // Consumer prices are quoted with PPN included; a product sold without it sets false.
    pricesIncludeVat: true,
    contractEndTerms:
      'Setelah angsuran terakhir lunas, cloud server tetap aktif dengan biaya perpanjangan bulanan; snapshot harian tetap berjalan. Anda dapat memperpanjang, meningkatkan paket, atau berhenti berlangganan; data dihapus 30 hari setelah layanan berhenti.',
    plans: ['12', '24'],
  },
  {
    category: ProductCategory.DEDICATED_SERVER,
    name: 'Dedicated Xeon E-2388G',
    slug: 'dedicated-xeon-e2388g',
    description: 'Server fisik Intel Xeon E-2388G 8C/16T, 64 GB ECC, 2 x 1 TB NVMe RAID 1, kontrak 12 bulan.',
    specs: { cpu: 'Intel Xeon E-2388G 8C/16T', ramGb: 64, storageGb: 2000, storageType: 'NVMe SSD RAID 1', bandwidth: '1 Gbps dedicated', ipv4Count: 4 },
    cashPrice: 60_000_000n,
    setupFee: 1_500_000n,
    // Consumer prices are quoted with PPN included; a product sold without it sets false.
    pricesIncludeVat: true,
    contractEndTerms:
      'Setelah angsuran terakhir lunas, server fisik menjadi milik Anda. Server dapat tetap di data center kami dengan biaya colocation bulanan, atau kami kirim ke alamat Anda. Perpanjangan kontrak dukungan teknis dan peningkatan perangkat keras dapat diajukan.',
    plans: ['12', '24', '36'],
  },
  {
    category: ProductCategory.COLOCATION,
    name: 'Colocation 1U',
    slug: 'colocation-1u',
    description: 'Colocation 1U di data center Jakarta, daya 300 W, port 1 Gbps, kontrak 12 bulan.',
    specs: { rackUnits: 1, powerWatts: 300, bandwidth: '1 Gbps shared', ipv4Count: 1 },
    cashPrice: 9_600_000n,
    setupFee: 500_000n,
    // Consumer prices are quoted with PPN included; a product sold without it sets false.
    pricesIncludeVat: true,
    contractEndTerms:
      'Setelah angsuran terakhir lunas, kontrak colocation dapat diperpanjang per 12 bulan dengan harga katalog saat itu. Perangkat Anda tetap milik Anda; bila berhenti, perangkat dapat diambil dalam 14 hari.',
    plans: ['6', '12'],
  },
] as const;

export const demoPlans = {
  '6': {
    name: 'Cicilan 6 bulan',
    tenorMonths: 6,
    downPaymentType: DownPaymentType.PERCENT,
    downPaymentValue: 2_000n,
    marginBpsPerMonth: 100,
    adminFee: 50_000n,
    lateFeeGraceDays: 3,
    lateFeeType: LateFeeType.PERCENT_PER_DAY,
    lateFeeValue: 10n,
    lateFeeCap: 500_000n,
  },
  '12': {
    name: 'Cicilan 12 bulan',
    tenorMonths: 12,
    downPaymentType: DownPaymentType.PERCENT,
    downPaymentValue: 1_000n,
    marginBpsPerMonth: 125,
    adminFee: 100_000n,
    lateFeeGraceDays: 3,
    lateFeeType: LateFeeType.FIXED_PER_DAY,
    lateFeeValue: 5_000n,
    lateFeeCap: 250_000n,
  },
  '24': {
    name: 'Cicilan 24 bulan',
    tenorMonths: 24,
    downPaymentType: DownPaymentType.PERCENT,
    downPaymentValue: 1_500n,
    marginBpsPerMonth: 110,
    adminFee: 150_000n,
    lateFeeGraceDays: 5,
    lateFeeType: LateFeeType.FIXED_PER_DAY,
    lateFeeValue: 10_000n,
    lateFeeCap: 500_000n,
  },
  '36': {
    name: 'Cicilan 36 bulan',
    tenorMonths: 36,
    downPaymentType: DownPaymentType.FIXED,
    downPaymentValue: 10_000_000n,
    marginBpsPerMonth: 100,
    adminFee: 250_000n,
    lateFeeGraceDays: 5,
    lateFeeType: LateFeeType.PERCENT_PER_DAY,
    lateFeeValue: 5n,
    lateFeeCap: 1_000_000n,
  },
} as const;
