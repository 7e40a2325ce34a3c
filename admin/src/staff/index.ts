import StaffIcon from '@mui/icons-material/Badge';
import { StaffCreate } from './StaffCreate';
import { StaffEdit } from './StaffEdit';
import { StaffList } from './StaffList';

/** Staff accounts (ADMIN, FINANCE, SUPPORT); only ADMIN sees this resource. */
export default {
  list: StaffList,
  create: StaffCreate,
  edit: StaffEdit,
  icon: StaffIcon,
  recordRepresentation: 'fullName',
};
