import { gql } from '@apollo/client';
import { callApi, type ChangedRecord } from '../dataProvider';

const COMPLETE = gql`
  mutation CompleteStaffTask($id: ID!, $note: String) {
    data: completeStaffTask(id: $id, note: $note) { id status }
  }
`;

/** The manual step is done on the real server; the note (rack, port, IP...) is kept on the task. */
export const completeStaffTask = (id: string, note: string) => callApi<ChangedRecord>(COMPLETE, { id, note: note || null });
