import { Box, ListItemButton, Typography } from '@mui/material';
import { useLocale } from 'react-admin';
import { Link } from 'react-router';
import { formatDateTime } from '../format';
import { appPath, type AppNotification } from './live';

/** One notification: title (bold while unread), body, time; opens its link and marks it read. */
export const NotificationItem = ({ notification, onOpen, dense = false }: { notification: AppNotification; onOpen: (n: AppNotification) => void; dense?: boolean }) => {
  const locale = useLocale();
  const target = appPath(notification.link);
  const unread = !notification.readAt;
  const linkProps = target && 'to' in target ? { component: Link, to: target.to } : target ? { component: 'a', href: target.href, target: '_blank', rel: 'noopener' } : {};
  return (
    <ListItemButton
      {...(linkProps as object)}
      onClick={() => onOpen(notification)}
      data-testid="notification-item"
      data-unread={unread}
      sx={{ alignItems: 'flex-start', gap: 1.5, py: dense ? 1 : 1.5, whiteSpace: 'normal' }}
    >
      <Box
        aria-hidden
        sx={{ mt: 0.9, width: 8, height: 8, flex: '0 0 8px', borderRadius: '50%', bgcolor: unread ? 'primary.main' : 'transparent' }}
      />
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: unread ? 600 : 400 }}>
          {notification.title}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={dense ? { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' } : undefined}>
          {notification.body}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {formatDateTime(notification.createdAt, locale)}
        </Typography>
      </Box>
    </ListItemButton>
  );
};
