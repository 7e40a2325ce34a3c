import StampIcon from '@mui/icons-material/Approval';
import { StampDutyList } from './StampDutyList';

/** Bea Meterai (under Pajak): the stamp-duty ledger, the month's report and CSV, the quota and its purchases (FINANCE, ADMIN). */
export default {
  list: StampDutyList,
  icon: StampIcon,
};
