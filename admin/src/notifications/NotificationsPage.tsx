import { Box, Button, Card, List, Tab, TablePagination, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useMarkRead, useMyNotifications } from './api';
import type { AppNotification } from './live';
import { NotificationItem } from './NotificationItem';

/** All of the caller's notifications, newest first, with an unread filter and read marks (any role). */
export const NotificationsPage = () => {
  const translate = useTranslate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(25);
  const { data, isPending } = useMyNotifications(page, perPage, unreadOnly);
  const markRead = useMarkRead();
  const open = (n: AppNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('angsur.notifications.title')} />
      <Card>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 2, flexWrap: 'wrap' }}>
          <Tabs
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(_e, value) => {
              setUnreadOnly(value === 'unread');
              setPage(1);
            }}
          >
            <Tab value="all" label={translate('angsur.notifications.all')} />
            <Tab value="unread" label={translate('angsur.notifications.unread')} />
          </Tabs>
          <Button size="small" onClick={() => markRead.mutate(undefined)} disabled={markRead.isPending}>
            {translate('angsur.notifications.markAllRead')}
          </Button>
        </Box>
        <List disablePadding data-testid="notifications-page">
          {data?.items.map((n) => (
            <Box key={n.id} sx={{ display: 'flex', alignItems: 'center', borderTop: 1, borderColor: 'divider' }}>
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <NotificationItem notification={n} onOpen={open} />
              </Box>
              {!n.readAt && (
                <Button size="small" sx={{ mr: 2, whiteSpace: 'nowrap' }} onClick={() => markRead.mutate(n.id)}>
                  {translate('angsur.notifications.markRead')}
                </Button>
              )}
            </Box>
          ))}
        </List>
        {!isPending && !data?.items.length && (
          <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
            {translate(unreadOnly ? 'angsur.notifications.noneUnread' : 'angsur.notifications.empty')}
          </Typography>
        )}
        <TablePagination
          component="div"
          count={data?.total ?? 0}
          page={page - 1}
          rowsPerPage={perPage}
          rowsPerPageOptions={[10, 25, 50]}
          onPageChange={(_e, p) => setPage(p + 1)}
          onRowsPerPageChange={(e) => {
            setPerPage(Number(e.target.value));
            setPage(1);
          }}
          labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
          // MUI's own "1–1 of 1" is English: react-admin's range text is in the user's language.
          labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })}
        />
      </Card>
    </Box>
  );
};
