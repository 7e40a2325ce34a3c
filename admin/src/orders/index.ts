import OrderIcon from '@mui/icons-material/ReceiptLong';
import { OrderList } from './OrderList';
import { OrderShow } from './OrderShow';

/** Orders are placed by customers at checkout; staff follow them up, hand them over or cancel them. */
export default {
  list: OrderList,
  show: OrderShow,
  icon: OrderIcon,
  recordRepresentation: 'number',
};
