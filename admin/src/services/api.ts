import { gql } from '@apollo/client';
import { callApi, type ChangedRecord } from '../dataProvider';

const RETRY = gql`
  mutation RetryProvisioning($id: ID!) {
    data: retryServiceProvisioning(id: $id) { id status }
  }
`;
const TERMINATE = gql`
  mutation TerminateService($id: ID!, $reason: String!) {
    data: terminateService(id: $id, reason: $reason) { id status }
  }
`;

export const retryProvisioning = (id: string) => callApi<ChangedRecord>(RETRY, { id });
export const terminateService = (id: string, reason: string) => callApi<ChangedRecord>(TERMINATE, { id, reason });
