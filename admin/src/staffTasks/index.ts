import TaskIcon from '@mui/icons-material/Engineering';
import { StaffTaskList } from './StaffTaskList';

/** Manual work on real servers (dedicated servers, colocation): what the manual driver asks staff to do. */
export default {
  list: StaffTaskList,
  icon: TaskIcon,
};
