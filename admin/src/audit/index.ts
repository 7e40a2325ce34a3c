import AuditIcon from '@mui/icons-material/History';
import { AuditList } from './AuditList';

/** Read-only: the API writes the log, nobody edits it. */
export default {
  list: AuditList,
  icon: AuditIcon,
};
