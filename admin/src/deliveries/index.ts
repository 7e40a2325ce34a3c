import DeliveryIcon from '@mui/icons-material/MarkEmailRead';
import { DeliveryList } from './DeliveryList';

/** The notification delivery log: staff see which emails and WhatsApp messages failed, and why. */
export default {
  list: DeliveryList,
  icon: DeliveryIcon,
};
