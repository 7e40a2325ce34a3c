import ServiceIcon from '@mui/icons-material/Dns';
import { ServiceList } from './ServiceList';
import { ServiceShow } from './ServiceShow';

/** Hosting services (one per order item): their state on the real server, failures and suspensions. */
export default {
  list: ServiceList,
  show: ServiceShow,
  icon: ServiceIcon,
  recordRepresentation: 'label',
};
