import { currentScope, type Locale } from './request-context';

/**
 * User-facing messages in Bahasa Indonesia (default) and English. Keys are stable; error codes and
 * fields travel separately in `extensions`, so clients never parse these texts.
 */
const messages = {
  'auth.required': { id: 'Silakan masuk terlebih dahulu.', en: 'Please log in first.' },
  'auth.forbidden': { id: 'Anda tidak berhak melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  'auth.invalidCredentials': { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  'auth.inactive': { id: 'Akun ini dinonaktifkan.', en: 'This account is disabled.' },
  'auth.invalidRefresh': {
    id: 'Sesi tidak valid atau sudah berakhir. Silakan masuk lagi.',
    en: 'The session is invalid or has expired. Please log in again.',
  },
  'auth.rateLimited': {
    id: 'Terlalu banyak percobaan masuk. Coba lagi dalam {seconds} detik.',
    en: 'Too many login attempts. Try again in {seconds} seconds.',
  },
  'auth.wrongPassword': { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  'auth.tokenExpired': { id: 'Token akses sudah kedaluwarsa.', en: 'The access token has expired.' },
  'user.usernameTaken': { id: 'Nama pengguna sudah dipakai.', en: 'This username is already taken.' },
  'user.emailTaken': { id: 'Email sudah terdaftar.', en: 'This email is already registered.' },
  'user.notFound': { id: 'Pengguna tidak ditemukan.', en: 'User not found.' },
  'user.selfDeactivate': { id: 'Anda tidak dapat menonaktifkan akun sendiri.', en: 'You cannot disable your own account.' },
  'user.notStaff': { id: 'Pengguna ini bukan staf.', en: 'This user is not staff.' },
  'auth.secondStepExpired': {
    id: 'Langkah verifikasi sudah kedaluwarsa. Silakan masuk lagi.',
    en: 'The verification step has expired. Please log in again.',
  },
  'auth.wrongSecondFactor': { id: 'Kode verifikasi salah atau sudah dipakai.', en: 'The verification code is wrong or already used.' },
  'auth.twoFactorAlreadyOn': { id: 'Verifikasi dua langkah sudah aktif.', en: 'Two-factor sign-in is already on.' },
  'auth.twoFactorNotStarted': { id: 'Mulai pendaftaran autentikator terlebih dahulu.', en: 'Start the authenticator set-up first.' },
  'auth.twoFactorOff': { id: 'Verifikasi dua langkah belum aktif.', en: 'Two-factor sign-in is not on.' },
  'auth.resetInvalid': {
    id: 'Tautan atur ulang kata sandi tidak valid, sudah dipakai, atau sudah kedaluwarsa. Silakan minta tautan baru.',
    en: 'This password reset link is invalid, already used or expired. Please ask for a new one.',
  },
  'auth.resetRateLimited': {
    id: 'Terlalu banyak permintaan atur ulang kata sandi. Coba lagi dalam {seconds} detik.',
    en: 'Too many password reset requests. Try again in {seconds} seconds.',
  },
  'privacy.requestOpen': {
    id: 'Permintaan serupa masih diproses.',
    en: 'A request of this kind is already being handled.',
  },
  'privacy.notFound': { id: 'Permintaan data pribadi tidak ditemukan.', en: 'Personal data request not found.' },
  'privacy.notOpen': { id: 'Permintaan ini sudah selesai.', en: 'This request has already been handled.' },
  'privacy.wrongKind': { id: 'Tindakan ini tidak sesuai dengan jenis permintaan.', en: 'This action does not fit the kind of request.' },
  'privacy.contractsRunning': {
    id: 'Masih ada {count} pesanan berjalan; data dibutuhkan untuk perjanjian itu sampai selesai atau dibatalkan.',
    en: 'There are still {count} running orders; the data is needed for that contract until it ends or is cancelled.',
  },
  'privacy.staffAccount': { id: 'Akun staf tidak dihapus lewat permintaan ini.', en: 'Staff accounts are not erased through this request.' },
  'product.notFound': { id: 'Produk tidak ditemukan.', en: 'Product not found.' },
  'product.slugTaken': { id: 'Slug produk sudah dipakai.', en: 'This product slug is already in use.' },
  'product.specsRequired': {
    id: 'Spesifikasi {spec} wajib diisi untuk kategori ini.',
    en: 'The {spec} spec is required for this category.',
  },
  'product.inUse': {
    id: 'Produk sudah dipakai oleh paket atau pesanan; nonaktifkan saja.',
    en: 'The product is used by plans or orders; deactivate it instead.',
  },
  'plan.inUse': {
    id: 'Paket sudah dipakai oleh pesanan; nonaktifkan saja.',
    en: 'The plan is used by orders; deactivate it instead.',
  },
  'plan.notFound': { id: 'Paket cicilan tidak ditemukan.', en: 'Installment plan not found.' },
  'plan.notForProduct': {
    id: 'Paket cicilan ini bukan untuk produk tersebut.',
    en: 'This installment plan does not belong to that product.',
  },
  'plan.downPaymentTooLarge': {
    id: 'Uang muka harus lebih kecil dari harga tunai.',
    en: 'The down payment must be less than the cash price.',
  },
  'plan.installmentTooSmall': {
    id: 'Setiap angsuran harus minimal Rp 1; kurangi tenor atau uang muka.',
    en: 'Every installment must be at least Rp 1; shorten the tenor or lower the down payment.',
  },
  'cart.empty': { id: 'Keranjang kosong.', en: 'The cart is empty.' },
  'cart.itemNotFound': { id: 'Item keranjang tidak ditemukan.', en: 'Cart item not found.' },
  'cart.unavailable': {
    id: 'Produk atau paket "{name}" sudah tidak dijual; hapus dari keranjang.',
    en: 'The product or plan "{name}" is no longer sold; remove it from the cart.',
  },
  'cart.tooMany': { id: 'Maksimal {max} unit per item.', en: 'At most {max} units per item.' },
  'order.notFound': { id: 'Pesanan tidak ditemukan.', en: 'Order not found.' },
  'order.assigneeNotStaff': {
    id: 'Pesanan hanya dapat diserahkan ke staf aktif.',
    en: 'Orders can only be handed to active staff.',
  },
  'billing.overdueChat': {
    id: 'Halo Bapak/Ibu {customerName}, tagihan pesanan {orderNumber} sudah lewat jatuh tempo{since} dengan tunggakan {arrears}. Silakan pilih di menu pesanan: bayar atau tangguhkan layanan. {payUrl}',
    en: 'Hello {customerName}, the bill for order {orderNumber} is past due{since} with arrears of {arrears}. Please choose in the order menu: pay or suspend the service. {payUrl}',
  },
  'billing.overdueChatSince': { id: ' sejak {date}', en: ' since {date}' },
  'billing.futureDate': {
    id: 'Tanggal tagihan tidak boleh setelah hari ini ({today}, WIB); gunakan pratinjau untuk melihat tanggal lain.',
    en: 'The billing date cannot be after today ({today}, Jakarta time); use the preview to look at a later date.',
  },
  'order.cancelHasPayments': {
    id: 'Pesanan ini sudah menerima pembayaran; kembalikan (refund) pembayarannya dahulu sebelum membatalkan.',
    en: 'This order has received payments; refund them before cancelling it.',
  },
  'order.cancelNotYours': {
    id: 'Pesanan yang SPK-nya sudah dikonfirmasi hanya dapat dibatalkan oleh admin.',
    en: 'An order whose SPK is confirmed can only be cancelled by staff.',
  },
  'spk.notConfirmed': { id: 'SPK belum diconfirm admin', en: 'The SPK has not been confirmed by an admin yet' },
  'payment.orderClosed': { id: 'Pesanan ini sudah {status}; tidak ada yang perlu dibayar.', en: 'This order is {status}; nothing is payable.' },
  'payment.nothingDue': { id: 'Tidak ada tagihan yang terbuka.', en: 'Nothing is open to pay.' },
  'payment.tooMuch': {
    id: 'Jumlah melebihi sisa tagihan ({max}).',
    en: 'The amount is more than what is still open ({max}).',
  },
  'payment.notFound': { id: 'Pembayaran tidak ditemukan.', en: 'Payment not found.' },
  'payment.anomalyNotFound': { id: 'Anomali pembayaran tidak ditemukan.', en: 'Payment anomaly not found.' },
  'payment.anomalyResolved': { id: 'Anomali ini sudah diselesaikan.', en: 'This anomaly has already been resolved.' },
  'payment.idempotencyReused': {
    id: 'Kunci idempotensi ini sudah dipakai untuk pembayaran lain.',
    en: 'This idempotency key was already used for a different payment.',
  },
  'payment.gatewayFailed': {
    id: 'Gerbang pembayaran sedang tidak dapat dihubungi; coba lagi nanti.',
    en: 'The payment gateway could not be reached; try again later.',
  },
  'payment.qrisLimit': {
    id: 'QRIS hanya sampai {max} per pembayaran. Untuk {amount} silakan transfer ke virtual account pesanan ini{va}.',
    en: 'QRIS takes at most {max} per payment. For {amount} please transfer to this order\'s virtual account{va}.',
  },
  'payment.vaNotCreatable': {
    id: 'Pembayaran virtual account tercatat otomatis saat dana masuk ke nomor VA pesanan; tidak perlu dibuat.',
    en: 'Virtual account payments are recorded when money arrives in the order\'s VA number; there is nothing to create.',
  },
  'statement.unreadable': { id: 'Mutasi rekening tidak dapat dibaca sebagai {source}: {reason}', en: 'The statement cannot be read as {source}: {reason}' },
  'statement.lineNotFound': { id: 'Baris mutasi tidak ditemukan.', en: 'Statement line not found.' },
  'statement.lineResolved': { id: 'Baris mutasi ini sudah dicocokkan atau ditutup.', en: 'This statement line is already matched or dismissed.' },
  'statement.amountShort': {
    id: 'Dana masuk {received} kurang dari pembayaran {expected}.',
    en: 'The credit of {received} is less than the payment of {expected}.',
  },
  'statement.paymentNotPending': { id: 'Pembayaran ini bukan transfer bank yang masih menunggu.', en: 'This payment is not a pending bank transfer.' },
  'payment.notTransfer': { id: 'Hanya transfer bank yang memakai bukti transfer.', en: 'Only bank transfers take a transfer proof.' },
  'payment.proofMissing': { id: 'Bukti transfer belum diunggah.', en: 'No transfer proof has been uploaded.' },
  'receipt.notFound': { id: 'Kwitansi tidak ditemukan.', en: 'Receipt not found.' },
  'receipt.pending': { id: 'Kwitansi sedang dibuat; coba lagi sebentar lagi.', en: 'The receipt is being made; try again shortly.' },
  'spk.notFound': { id: 'SPK tidak ditemukan.', en: 'SPK not found.' },
  'spk.pageNotFound': { id: 'Halaman ini tidak ada di dokumen SPK.', en: 'This page is not in the SPK document.' },
  'spk.notApproved': {
    id: 'SPK belum disetujui pelanggan; tanda tangan menunggu persetujuan.',
    en: 'The customer has not approved the SPK yet; signing waits for the approval.',
  },
  'spk.stampFailed': { id: 'e-Meterai gagal: {reason}', en: 'The e-Meterai failed: {reason}' },
  'spk.changedWhileRendering': {
    id: 'SPK atau pesanannya berubah selama dokumen dibuat; muat ulang lalu coba lagi.',
    en: 'The SPK or its order changed while the document was being made; reload and try again.',
  },
  'pdf.busy': { id: 'Terlalu banyak dokumen sedang diproses; coba lagi sebentar lagi.', en: 'Too many documents are being processed; try again shortly.' },
  'pdf.workerFailed': {
    id: 'Pembuatan dokumen PDF gagal dan tidak ada yang diubah; coba lagi.',
    en: 'Making the PDF document failed and nothing was changed; try again.',
  },
  'spk.stampPending': {
    id: 'e-Meterai belum selesai diproses penyedia; coba tanda tangani lagi sebentar lagi.',
    en: 'The e-Meterai provider has not finished yet; try signing again in a moment.',
  },
  'spk.notAuthentic': {
    id: 'Dokumen ini bukan SPK yang kami kirim (kode dokumen tidak ditemukan atau berbeda).',
    en: 'This document is not the SPK we sent (the document code is missing or different).',
  },
  'spk.changedDuringUpload': {
    id: 'SPK ditandatangani ulang oleh admin selama unggahan diperiksa; unduh versi terbaru dan unggah lagi.',
    en: 'The admin re-signed the SPK while your upload was being checked; download the latest version and upload again.',
  },
  'spk.modifiedAfterSigning': {
    id: 'Salinan bertanda tangan ini diubah setelah kami menandatanganinya ({changes}); minta pelanggan mengunggah ulang.',
    en: 'This signed copy was changed after we signed it ({changes}); ask the customer to upload again.',
  },
  'psre.providerFailed': {
    id: 'Penyedia tanda tangan elektronik tersertifikasi (PSrE) tidak dapat memproses permintaan: {reason}',
    en: 'The certified electronic signature provider (PSrE) could not process the request: {reason}',
  },
  'psre.notConfigured': {
    id: 'Tanda tangan elektronik tersertifikasi tidak tersedia; tanda tangani SPK lalu unggah.',
    en: 'Certified electronic signing is not available; sign the SPK and upload it.',
  },
  'psre.accountRequired': {
    id: 'Masukkan ID akun Anda di penyedia tanda tangan (misalnya PrivyID) untuk menandatangani secara elektronik.',
    en: 'Enter your account id at the signature provider (e.g. your PrivyID) to sign electronically.',
  },
  'psre.otpInvalid': { id: 'Kode OTP salah.', en: 'The OTP code is wrong.' },
  'psre.otpLocked': {
    id: 'Kode OTP salah terlalu sering; mulai ulang tanda tangan elektronik.',
    en: 'Too many wrong OTP codes; start the electronic signature again.',
  },
  'psre.spkChangedMeanwhile': {
    id: 'SPK berubah selama permintaan tanda tangan elektronik diproses; muat ulang lalu mulai lagi.',
    en: 'The SPK changed while the electronic signature request was being made; reload and start again.',
  },
  'psre.supersededByNewRequest': { id: 'digantikan oleh permintaan baru', en: 'superseded by a new request' },
  'psre.refusedByProvider': { id: 'ditolak penyedia', en: 'refused by the provider' },
  'psre.unknownDocument': { id: 'penyedia tidak mengenal dokumen ini lagi', en: 'the provider no longer knows this document' },
  'psre.providerFileUnreadable': { id: 'berkas dari penyedia tidak terbaca: {reason}', en: 'the provider’s file could not be read: {reason}' },
  'psre.checkVerdict': { id: 'hasil pemeriksaan {verdict}{changes}', en: 'check result {verdict}{changes}' },
  'psre.notCertifiedBy': { id: 'tanda tangan tidak tersertifikasi oleh {provider}', en: 'the signature is not certified by {provider}' },
  'psre.notCertifiedByNik': {
    id: 'tanda tangan tidak tersertifikasi oleh {provider} (NIK pada sertifikat berbeda)',
    en: 'the signature is not certified by {provider} (the NIK on the certificate differs)',
  },
  'psre.resignedMeanwhile': { id: 'SPK ditandatangani ulang oleh admin sementara itu', en: 'an admin signed the SPK again meanwhile' },
  'psre.spkInStatus': { id: 'SPK berstatus {status}', en: 'the SPK is {status}' },
  'psre.noOtpPending': {
    id: 'Tidak ada tanda tangan elektronik yang menunggu OTP untuk SPK ini.',
    en: 'No electronic signature of this SPK is waiting for an OTP.',
  },
  'psre.notCertified': {
    id: 'Dokumen yang dikembalikan penyedia tidak lolos pemeriksaan ({reason}); SPK tidak berubah.',
    en: 'The document the provider returned did not pass the check ({reason}); the SPK is unchanged.',
  },
  'service.downPaymentFirst': {
    id: 'Layanan dapat dibuat setelah uang muka lunas.',
    en: 'A service can be created once the down payment is settled.',
  },
  'service.orderNotActive': {
    id: 'Layanan baru hanya dapat dibuat untuk pesanan yang aktif (tidak ditangguhkan, selesai atau dibatalkan).',
    en: 'A new service can only be created for an active order (not suspended, completed or cancelled).',
  },
  'service.exists': { id: 'Item ini sudah memiliki layanan.', en: 'This item already has a service.' },
  'service.labelTaken': { id: 'Nama layanan sudah dipakai.', en: 'This service name is already taken.' },
  'service.badLabel': {
    id: 'Nama layanan 3-40 karakter: huruf kecil, angka dan tanda hubung, tidak diawali/diakhiri tanda hubung.',
    en: 'Service name: 3-40 lowercase letters, digits and hyphens, not starting or ending with a hyphen.',
  },
  'service.badOsTemplate': { id: 'Pilih sistem operasi: {options}.', en: 'Choose an operating system: {options}.' },
  'service.notFound': { id: 'Layanan tidak ditemukan.', en: 'Service not found.' },
  'service.taskNotFound': { id: 'Tugas tidak ditemukan.', en: 'Task not found.' },
  'contract.notEnded': {
    id: 'Permintaan ini dapat diajukan setelah semua angsuran lunas.',
    en: 'This request can be made once every installment is paid.',
  },
  'contract.requestOpen': {
    id: 'Permintaan yang sama masih diproses tim kami.',
    en: 'The same request is still being handled by our team.',
  },
  'service.powerNotActive': {
    id: 'Server hanya dapat dinyalakan, dimatikan atau di-restart saat layanan aktif (status: {status}).',
    en: 'The server can only be started, stopped or rebooted while the service is active (status: {status}).',
  },
  'service.powerNotSupported': { id: 'Layanan ini tidak mendukung {action}.', en: 'This service does not support {action}.' },
  'service.powerFailed': { id: 'Server tidak dapat di-{action}: {reason}', en: 'The server could not {action}: {reason}' },
  'service.taskClosed': { id: 'Tugas ini sudah ditutup.', en: 'This task is already closed.' },
  'service.notOverdue': {
    id: 'Pesanan tidak menunggak; penangguhan atas pilihan sendiri hanya untuk tagihan yang lewat jatuh tempo.',
    en: 'The order is not overdue; suspending by choice is for overdue bills only.',
  },
  // Reasons written into the suspension history (stored in the system's language, Indonesian).
  'suspension.customerChoice': { id: 'Atas pilihan pelanggan', en: 'At the customer’s choice' },
  'suspension.nonPayment': { id: 'Tunggakan pembayaran', en: 'Overdue payments' },
  'suspension.admin': { id: 'Keputusan admin', en: 'The admin’s decision' },
  'suspension.downPaymentRefunded': { id: 'Uang muka dikembalikan (refund)', en: 'Down payment refunded' },
  'suspension.downPaymentPaid': { id: 'Uang muka lunas', en: 'Down payment paid' },
  'suspension.arrearsSettled': { id: 'Tunggakan lunas', en: 'Arrears settled' },
  'suspension.automatic': { id: 'Otomatis: lewat {days} hari dari jatuh tempo', en: 'Automatic: {days} days past the due date' },
  'service.deadlinePast': { id: 'Batas waktu pembayaran harus hari ini atau nanti.', en: 'The payment deadline must be today or later.' },
  'notification.notFound': { id: 'Notifikasi tidak ditemukan.', en: 'Notification not found.' },
  'validation.phone': {
    id: 'Nomor telepon tidak valid; gunakan nomor Indonesia seperti 0812..., +62812... atau 62812...',
    en: 'Invalid phone number; use an Indonesian number such as 0812..., +62812... or 62812...',
  },
  'validation.nik': {
    id: 'NIK harus 16 digit angka dengan kode wilayah dan tanggal lahir yang valid.',
    en: 'NIK must be 16 digits with a valid region code and birth date.',
  },
  'validation.npwp': { id: '{field}: NPWP harus 16 digit angka (untuk perorangan: NIK).', en: '{field}: an NPWP is 16 digits (for individuals: the NIK).' },
  'validation.nitku': { id: '{field}: NITKU harus 22 digit angka (NPWP + 6 digit kode tempat usaha).', en: '{field}: a NITKU is 22 digits (the NPWP + a 6-digit place-of-business code).' },
  'restructuring.notInArrears': { id: 'Pesanan ini tidak menunggak; restrukturisasi hanya untuk pesanan yang menunggak.', en: 'This order is not in arrears; only orders in arrears are restructured.' },
  'restructuring.addendumPending': {
    id: 'Adendum restrukturisasi sebelumnya belum selesai ditandatangani.',
    en: 'The previous restructuring addendum has not been signed and confirmed yet.',
  },
  'restructuring.firstDueDate': { id: 'Jatuh tempo pertama harus tanggal (YYYY-MM-DD) mulai hari ini.', en: 'The first due date must be a date (YYYY-MM-DD) from today on.' },
  'statement.title': { id: 'Laporan Rekening Pelanggan', en: 'Statement of Account' },
  'statement.period': { id: 'Periode {from} s.d. {to}', en: 'Period {from} to {to}' },
  'statement.customer': { id: 'Pelanggan', en: 'Customer' },
  'statement.printed': { id: 'Dicetak {at}', en: 'Printed {at}' },
  'statement.opening': { id: 'Saldo awal', en: 'Opening balance' },
  'statement.closing': { id: 'Saldo akhir', en: 'Closing balance' },
  'statement.none': { id: 'Tidak ada transaksi dalam periode ini.', en: 'No transactions in this period.' },
  'statement.note': {
    id: 'Saldo positif adalah jumlah terutang; saldo negatif adalah pembayaran di muka. Angsuran dicatat pada tanggal jatuh temponya.',
    en: 'A positive balance is owed; a negative balance is paid in advance. Installments are entered on their due dates.',
  },
  'statement.col.date': { id: 'Tanggal', en: 'Date' },
  'statement.col.order': { id: 'Pesanan', en: 'Order' },
  'statement.col.description': { id: 'Keterangan', en: 'Description' },
  'statement.col.debit': { id: 'Tagihan', en: 'Charges' },
  'statement.col.credit': { id: 'Pembayaran', en: 'Payments' },
  'statement.col.balance': { id: 'Saldo', en: 'Balance' },
  'statement.INSTALLMENT': { id: 'Angsuran ke-{ref} jatuh tempo', en: 'Installment {ref} due' },
  'statement.DOWN_PAYMENT': { id: 'Uang muka jatuh tempo', en: 'Down payment due' },
  'statement.LATE_FEE': { id: 'Denda keterlambatan angsuran ke-{ref}', en: 'Late fee on installment {ref}' },
  'statement.PAYMENT': { id: 'Pembayaran {ref}', en: 'Payment {ref}' },
  'statement.REFUND': { id: 'Pengembalian dana {ref}', en: 'Refund {ref}' },
  'statement.badPeriod': { id: 'Tanggal awal harus sebelum atau sama dengan tanggal akhir.', en: 'The start date must not be after the end date.' },
  'statement.badFormat': { id: 'Format harus pdf atau csv.', en: 'The format must be pdf or csv.' },
  'tax.period': { id: 'Periode harus berbentuk YYYY-MM.', en: 'The period must look like YYYY-MM.' },
  'statement.STAMP_DUTY': { id: 'Bea meterai (e-Meterai) pada angsuran ke-{ref}', en: 'Stamp duty (e-Meterai) on installment {ref}' },
  'stampDuty.purchaseInFuture': { id: 'Tanggal pembelian tidak boleh di masa depan.', en: 'The purchase date cannot be in the future.' },
  'stampDuty.referenceRequired': { id: 'Nomor referensi pembelian dari distributor wajib diisi.', en: 'The distributor’s purchase reference is required.' },
  'stampDuty.reasonRequired': { id: 'Alasan pembatalan wajib diisi.', en: 'A reason for voiding is required.' },
  'stampDuty.purchaseVoided': { id: 'Pembelian kuota ini sudah dibatalkan.', en: 'This quota purchase was already voided.' },
  'stampDuty.purchaseNotFound': { id: 'Pembelian kuota e-Meterai tidak ditemukan.', en: 'No such e-Meterai quota purchase.' },
  'tax.sellerNpwpMissing': {
    id: 'NPWP perusahaan (COMPANY_NPWP, 16 digit) belum diatur; file Coretax tidak dapat dibuat.',
    en: 'The company NPWP (COMPANY_NPWP, 16 digits) is not set; no Coretax file can be made.',
  },
  'tax.importColumns': { id: 'Baris harus berisi referensi (FP-…) dan nomor faktur pajak.', en: 'A row needs the reference (FP-…) and the tax invoice number.' },
  'tax.numberFormat': { id: '{reference}: nomor faktur pajak Coretax harus 17 digit.', en: '{reference}: a Coretax tax invoice number is 17 digits.' },
  'tax.unknownReference': { id: '{reference}: faktur pajak tidak ditemukan.', en: '{reference}: no such tax invoice.' },
  'tax.numberDiffers': { id: '{reference}: sudah memiliki nomor faktur pajak lain.', en: '{reference}: already has a different tax invoice number.' },
  'tax.notExported': { id: '{reference}: faktur belum diekspor ke Coretax.', en: '{reference}: the invoice has not been exported to Coretax.' },
  'tax.numberTaken': { id: '{reference}: nomor ini sudah dipakai faktur lain.', en: '{reference}: this number belongs to another invoice.' },
  'validation.email': { id: 'Alamat email tidak valid.', en: 'Invalid email address.' },
  'validation.username': {
    id: 'Nama pengguna 3-32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.',
    en: 'Username must be 3-32 characters: lowercase letters, digits, dot, underscore or hyphen.',
  },
  'validation.password': {
    id: 'Kata sandi minimal 10 karakter.',
    en: 'Password must be at least 10 characters.',
  },
  'validation.required': { id: '{field} wajib diisi.', en: '{field} is required.' },
  'validation.tooLong': { id: '{field} maksimal {max} karakter.', en: '{field} must be at most {max} characters.' },
  'validation.moneyPositive': { id: '{field} harus lebih dari Rp 0.', en: '{field} must be more than Rp 0.' },
  'validation.moneyNonNegative': { id: '{field} tidak boleh negatif.', en: '{field} must not be negative.' },
  'validation.range': {
    id: '{field} harus antara {min} dan {max}.',
    en: '{field} must be between {min} and {max}.',
  },
  'validation.slug': {
    id: 'Slug hanya boleh huruf kecil, angka dan tanda hubung.',
    en: 'Slug may only contain lowercase letters, digits and hyphens.',
  },
  'validation.date': { id: 'Tanggal tidak valid.', en: 'Invalid date.' },
  'validation.invalid': { id: 'Nilai {field} tidak valid.', en: 'Invalid value for {field}.' },
  'validation.sortField': { id: 'Kolom urutan {field} tidak dikenal.', en: 'Unknown sort field {field}.' },
  'query.tooDeep': { id: 'Kueri terlalu dalam (maksimal {max}).', en: 'Query is too deep (max {max}).' },
  'query.tooManyAliases': { id: 'Kueri memakai terlalu banyak alias (maksimal {max}).', en: 'Query uses too many aliases (max {max}).' },
  'query.tooManyDirectives': { id: 'Kueri memakai terlalu banyak direktif (maksimal {max}).', en: 'Query uses too many directives (max {max}).' },
  'query.tooManyFields': { id: 'Kueri meminta terlalu banyak kolom (biaya maksimal {max}).', en: 'Query asks for too many fields (max cost {max}).' },
  'query.tooLong': { id: 'Kueri terlalu panjang (maksimal {max} token).', en: 'Query is too long (max {max} tokens).' },
  'request.tooLarge': { id: 'Permintaan terlalu besar (maksimal {max}).', en: 'Request is too large (max {max}).' },
  'request.malformed': { id: 'Isi permintaan tidak dapat dibaca: {detail}.', en: 'The request body cannot be read: {detail}.' },
  'query.tooComplex': {
    id: 'Kueri terlalu kompleks ({complexity}, maksimal {max}).',
    en: 'Query is too complex ({complexity}, max {max}).',
  },
  'internal': { id: 'Terjadi kesalahan pada server.', en: 'Something went wrong on the server.' },
  'state.conflict': {
    id: 'Status {entity} adalah {state}; tidak dapat menjadi {to} ({action}).',
    en: 'The {entity} is {state}; it cannot go to {to} ({action}).',
  },
  // Staff tasks: stored once (storedText, in Indonesian) and read by staff.
  'contractTask.paid': { id: 'Pesanan {number} ({customer}) sudah lunas; pelanggan {wish}.', en: 'Order {number} ({customer}) is paid off; the customer {wish}.' },
  'contractTask.RENEWAL': { id: 'ingin memperpanjang layanan', en: 'wants to renew the service' },
  'contractTask.UPGRADE': { id: 'ingin meningkatkan paket', en: 'wants to upgrade the plan' },
  'contractTask.CANCELLATION': { id: 'ingin berhenti berlangganan', en: 'wants to cancel the subscription' },
  'contractTask.note': { id: 'Catatan pelanggan: {note}', en: 'Customer’s note: {note}' },
  'contractTask.next': { id: 'Hubungi pelanggan, sepakati langkahnya, lalu tandai tugas ini selesai.', en: 'Contact the customer, agree on the next step, then mark this task done.' },
  'manualTask.create': {
    id: 'Siapkan {what} "{label}": pasang/rak perangkat, alokasikan IP dan port switch, lalu tandai selesai.',
    en: 'Set up {what} "{label}": install/rack the hardware, assign IPs and a switch port, then mark it done.',
  },
  'manualTask.suspend': {
    id: 'Tangguhkan {what} "{label}": matikan port switch (shutdown) tanpa mencabut perangkat, lalu tandai selesai.',
    en: 'Suspend {what} "{label}": shut the switch port down without unplugging the hardware, then mark it done.',
  },
  'manualTask.unsuspend': {
    id: 'Aktifkan kembali {what} "{label}": nyalakan lagi port switch, pastikan dapat diakses, lalu tandai selesai.',
    en: 'Reactivate {what} "{label}": bring the switch port up again, check it is reachable, then mark it done.',
  },
  'manualTask.terminate': {
    id: 'Akhiri {what} "{label}": matikan port, jadwalkan pengambilan/penghapusan data sesuai prosedur, lalu tandai selesai.',
    en: 'End {what} "{label}": shut the port, schedule the hardware pick-up/data erasure by the procedure, then mark it done.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

/**
 * A text stored once and shown to whoever reads it later (staff task instructions, suspension
 * reasons): written in Indonesian, the company's working language, whatever the request's language.
 */
export const storedText = (key: MessageKey, params: Record<string, string | number> = {}) => t(key, params, 'id');

/** Translates a key into the current request's language (Indonesian outside a request). */
export function t(key: MessageKey, params: Record<string, string | number> = {}, locale?: Locale): string {
  const lang = locale ?? currentScope()?.locale ?? 'id';
  const template: string = messages[key][lang];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
