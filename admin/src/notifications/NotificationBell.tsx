import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, Box, Button, Divider, IconButton, List, Menu, Tooltip, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { NOTIFICATIONS_KEY, useMarkRead, useMyNotifications, useUnreadCount } from './api';
import { onLiveConnected, subscribeToNotifications, subscribeToResync, type AppNotification } from './live';
import { NotificationItem } from './NotificationItem';

const LATEST = 8;

/**
 * The app bar's bell, for every role: the unread count, kept live by the `notificationAdded`
 * subscription (a toast for each new one), and a menu of the latest with read marks and links.
 */
export const NotificationBell = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const unread = useUnreadCount();
  const latest = useMyNotifications(1, LATEST, false, !!anchor);
  const markRead = useMarkRead();

  useEffect(() => {
    const refresh = () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    const stopLive = subscribeToNotifications((notification) => {
      // Count it at once, then let the server's figure replace the guess.
      queryClient.setQueryData<number>([...NOTIFICATIONS_KEY, 'unread'], (n) => (n ?? 0) + 1);
      notify(notification.title, { type: 'info', messageArgs: { _: notification.title } });
      void refresh();
    });
    const stopResync = onLiveConnected(() => void refresh());
    const stopServerResync = subscribeToResync(() => void refresh());
    return () => {
      stopLive();
      stopResync();
      stopServerResync();
    };
  }, [queryClient, notify]);

  // Shown as 0 while the first figure loads; `data-count` appears only once the server's figure is in
  // (a page reading the bell must not take the loading 0 for the count).
  const count = unread.data ?? 0;
  const open = (n: AppNotification) => {
    setAnchor(null);
    if (!n.readAt) markRead.mutate(n.id);
  };
  const label = translate('angsur.notifications.bell', { smart_count: count });

  return (
    <>
      <Tooltip title={label}>
        <IconButton color="inherit" aria-label={label} onClick={(e) => setAnchor(e.currentTarget)} data-testid="notification-bell">
          <Badge badgeContent={count} color="error" max={99} data-testid="notification-unread" data-count={unread.data === undefined ? undefined : count}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={!!anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 380, maxWidth: '100vw' } }, list: { 'aria-label': translate('angsur.notifications.title'), sx: { py: 0 } } }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1 }}>
          <Typography variant="subtitle1" component="h2">
            {translate('angsur.notifications.title')}
          </Typography>
          <Button size="small" disabled={!count || markRead.isPending} onClick={() => markRead.mutate(undefined)}>
            {translate('angsur.notifications.markAllRead')}
          </Button>
        </Box>
        <Divider />
        <List dense disablePadding sx={{ maxHeight: 420, overflowY: 'auto' }}>
          {latest.data?.items.map((n) => <NotificationItem key={n.id} notification={n} onOpen={open} dense />)}
          {latest.data && !latest.data.items.length && (
            <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 3, textAlign: 'center' }}>
              {translate('angsur.notifications.empty')}
            </Typography>
          )}
        </List>
        <Divider />
        <Box sx={{ px: 1, py: 0.5, textAlign: 'center' }}>
          <Button size="small" component={Link} to="/notifications" onClick={() => setAnchor(null)}>
            {translate('angsur.notifications.viewAll')}
          </Button>
        </Box>
      </Menu>
    </>
  );
};
