import { gql } from '@apollo/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../dataProvider';
import { NOTIFICATION_FIELDS, type AppNotification } from './live';

/** The caller's own notifications (any role): queries and the read marks, shared by the bell and the page. */

export const NOTIFICATIONS_KEY = ['myNotifications'] as const;

const UNREAD_COUNT = gql`
  query UnreadCount {
    data: unreadCount
  }
`;

const MY_NOTIFICATIONS = gql`
  query MyNotifications($page: Int!, $perPage: Int!, $unreadOnly: Boolean!) {
    data: myNotifications(page: $page, perPage: $perPage, unreadOnly: $unreadOnly) {
      total
      items { ...NotificationFields }
    }
  }
  ${NOTIFICATION_FIELDS}
`;

const MARK_READ = gql`
  mutation MarkRead($id: ID!) {
    data: markRead(id: $id) { id readAt }
  }
`;

const MARK_ALL_READ = gql`
  mutation MarkAllRead {
    data: markAllRead
  }
`;

export const useUnreadCount = () => useQuery({ queryKey: [...NOTIFICATIONS_KEY, 'unread'], queryFn: () => callApi<number>(UNREAD_COUNT) });

export const useMyNotifications = (page: number, perPage: number, unreadOnly: boolean, enabled = true) =>
  useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', { page, perPage, unreadOnly }],
    queryFn: () => callApi<{ total: number; items: AppNotification[] }>(MY_NOTIFICATIONS, { page, perPage, unreadOnly }),
    enabled,
    placeholderData: (previous) => previous,
  });

/** Marks read (one, or all when no id) and refreshes every notifications view. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) => (id ? callApi(MARK_READ, { id }) : callApi<number>(MARK_ALL_READ)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
