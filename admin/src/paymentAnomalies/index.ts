import AnomalyIcon from '@mui/icons-material/ReportProblem';
import { AnomalyList } from './AnomalyList';

/** Money that arrived through a gateway but was not applied (FINANCE and ADMIN); a list only. */
export default {
  list: AnomalyList,
  icon: AnomalyIcon,
};
