import SpkIcon from '@mui/icons-material/HistoryEdu';
import { SpkList } from './SpkList';
import { SpkShow } from './SpkShow';

/** SPK contracts: staff draft them from an order (order page), then take them through review, signing and confirmation here. */
export default {
  list: SpkList,
  show: SpkShow,
  icon: SpkIcon,
  recordRepresentation: 'number',
};
