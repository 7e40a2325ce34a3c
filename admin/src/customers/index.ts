import CustomerIcon from '@mui/icons-material/People';
import { CustomerEdit } from './CustomerEdit';
import { CustomerList } from './CustomerList';
import { CustomerShow } from './CustomerShow';

/** Customers sign up in the customer app; the back office looks them up and corrects their profile. */
export default {
  list: CustomerList,
  show: CustomerShow,
  edit: CustomerEdit,
  icon: CustomerIcon,
  recordRepresentation: 'fullName',
};
