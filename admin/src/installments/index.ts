import InstallmentIcon from '@mui/icons-material/EventNote';
import { InstallmentList } from './InstallmentList';

/** Installments across all orders: the follow-up list (late, due this week). Rows open their order. */
export default {
  list: InstallmentList,
  icon: InstallmentIcon,
};
