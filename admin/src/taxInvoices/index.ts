import TaxIcon from '@mui/icons-material/ReceiptLong';
import { TaxInvoiceList } from './TaxInvoiceList';

/** Pajak: tax invoices (Faktur Pajak) by month and status, Coretax export and import of numbers (FINANCE, ADMIN). */
export default {
  list: TaxInvoiceList,
  icon: TaxIcon,
};
