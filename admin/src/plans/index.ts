import PlanIcon from '@mui/icons-material/CreditScore';
import { PlanCreate } from './PlanCreate';
import { PlanEdit } from './PlanEdit';
import { PlanList } from './PlanList';
import { PlanShow } from './PlanShow';

export default {
  list: PlanList,
  create: PlanCreate,
  edit: PlanEdit,
  show: PlanShow,
  icon: PlanIcon,
  recordRepresentation: 'name',
};
