import PaymentIcon from '@mui/icons-material/Payments';
import { PaymentList } from './PaymentList';
import { PaymentShow } from './PaymentShow';

/** Payments are started by customers; FINANCE verifies bank transfers, rejects and refunds. */
export default {
  list: PaymentList,
  show: PaymentShow,
  icon: PaymentIcon,
  recordRepresentation: 'reference',
};
