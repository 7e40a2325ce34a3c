import CartIcon from '@mui/icons-material/ShoppingCart';
import CatalogIcon from '@mui/icons-material/Storefront';
import DnsIcon from '@mui/icons-material/Dns';
import OrderIcon from '@mui/icons-material/ReceiptLong';
import PersonIcon from '@mui/icons-material/Person';
import LanguageIcon from '@mui/icons-material/Translate';
import { AppBar, Box, Button, Container, IconButton, LinearProgress, Menu, MenuItem, Toolbar, Tooltip, Typography } from '@mui/material';
import { Component, Suspense, useState, type ErrorInfo, type ReactNode } from 'react';
import { Error as RaError, Loading, useI18nProvider, useLoading, useLocaleState, useTranslate } from 'react-admin';
import { Link, useLocation } from 'react-router';
import { AngsurUserMenu } from '../auth/LogoutEverywhere';
import { branding } from '../branding';
import { NotificationBell } from '../notifications/NotificationBell';

/** The four places a customer goes; the cart and notifications sit in the top bar. */
const NAV = [
  { to: '/catalog', label: 'resources.catalog.name', icon: <CatalogIcon fontSize="small" /> },
  { to: '/my-orders', label: 'resources.my-orders.name', icon: <OrderIcon fontSize="small" /> },
  { to: '/my-services', label: 'resources.my-services.name', icon: <DnsIcon fontSize="small" /> },
  { to: '/profile', label: 'resources.profile.name', icon: <PersonIcon fontSize="small" /> },
];

/** The company (logo and name, from the server's configuration), leading home. Two lines at most on a phone. */
const Company = () => (
  <Box component={Link} to="/my-orders" sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0, flex: 1, color: 'inherit', textDecoration: 'none' }}>
    <Box component="img" src={branding.logoUrl} alt="" sx={{ width: 32, height: 32, borderRadius: 1, flexShrink: 0, bgcolor: '#fff2' }} />
    <Typography
      data-testid="company-name"
      sx={{ fontWeight: 600, fontSize: { xs: 15, sm: 18 }, lineHeight: 1.2, overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }}
    >
      {branding.companyName}
    </Typography>
  </Box>
);

/** Katalog / Pesanan saya / Layanan saya / Profil: four equal columns on a phone, a row of links on a wider screen. */
const Navigation = () => {
  const translate = useTranslate();
  const { pathname } = useLocation();
  return (
    <Box component="nav" aria-label={translate('angsur.customer.nav.label')} sx={{ bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}>
      <Container maxWidth="lg" disableGutters sx={{ display: 'grid', gridTemplateColumns: { xs: 'repeat(4, 1fr)', sm: 'repeat(4, max-content)' }, gap: { sm: 1 }, px: { sm: 2 } }}>
        {NAV.map((item) => {
          const current = pathname === item.to || pathname.startsWith(`${item.to}/`);
          return (
            <Box
              key={item.to}
              component={Link}
              to={item.to}
              aria-current={current ? 'page' : undefined}
              sx={{
                display: 'flex',
                flexDirection: { xs: 'column', sm: 'row' },
                alignItems: 'center',
                justifyContent: 'center',
                gap: { xs: 0.25, sm: 1 },
                minWidth: 0,
                px: { xs: 0.5, sm: 2 },
                py: { xs: 1, sm: 1.5 },
                fontSize: { xs: 12, sm: 14 },
                fontWeight: 500,
                textAlign: 'center',
                textDecoration: 'none',
                color: current ? 'primary.main' : 'text.secondary',
                borderBottom: 2,
                borderColor: current ? 'primary.main' : 'transparent',
                '&:hover': { color: 'primary.main' },
              }}
            >
              {item.icon}
              <span>{translate(item.label, { smart_count: 2 })}</span>
            </Box>
          );
        })}
      </Container>
    </Box>
  );
};

/**
 * The language, compact: "ID" / "EN" with the full name for screen readers and as the menu's entries.
 * react-admin's LocalesMenuButton writes "BAHASA INDONESIA" in the bar, which leaves a phone no room
 * for the company's name.
 */
const LanguageButton = () => {
  const i18n = useI18nProvider();
  const [locale, setLocale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const locales = i18n.getLocales?.() ?? [];
  const current = locales.find((l) => l.locale === locale);
  return (
    <>
      <Button color="inherit" aria-label={current?.name ?? locale} aria-haspopup="menu" onClick={(e) => setAnchor(e.currentTarget)} startIcon={<LanguageIcon />} sx={{ minWidth: 0, px: 1 }}>
        {locale.toUpperCase()}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {locales.map((l) => (
          <MenuItem
            key={l.locale}
            selected={l.locale === locale}
            onClick={() => {
              setAnchor(null);
              setLocale(l.locale);
            }}
          >
            {l.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};

/** A thin bar under the navigation while data loads (react-admin's own indicator is an icon). */
const Progress = () => {
  const loading = useLoading();
  return <Box sx={{ height: 4 }}>{loading && <LinearProgress aria-label="loading" />}</Box>;
};

/** Keeps a page that throws from taking the whole portal down, showing react-admin's error page. */
class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: Error | null; info?: ErrorInfo }> {
  state: { error: Error | null; info?: ErrorInfo } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidCatch(error: Error, info: ErrorInfo) {
    this.setState({ error, info });
  }
  componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }
  render() {
    if (this.state.error) return <RaError error={this.state.error} errorInfo={this.state.info} resetErrorBoundary={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}

/**
 * The customer's portal frame, the hosting company's own and not the staff console's: a top bar with
 * the company, the cart, notifications, language and account; the four places underneath; then the
 * page, its title (react-admin's TitlePortal) on a line of its own so it stays readable on a phone.
 * Everything fits the screen's width: wide content scrolls inside its own box.
 */
export const CustomerLayout = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const { pathname } = useLocation();
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default', minWidth: 0 }}>
      <AppBar position="sticky" color="primary" elevation={1}>
        <Toolbar sx={{ gap: { xs: 0.5, sm: 1 }, minWidth: 0, px: { xs: 1, sm: 2 } }}>
          <Company />
          <Tooltip title={translate('resources.cart.name', { smart_count: 1 })}>
            <IconButton component={Link} to="/cart" color="inherit" aria-label={translate('resources.cart.name', { smart_count: 1 })}>
              <CartIcon />
            </IconButton>
          </Tooltip>
          <NotificationBell />
          <LanguageButton />
          <AngsurUserMenu />
        </Toolbar>
      </AppBar>
      <Navigation />
      <Progress />
      <Container component="main" id="main-content" maxWidth="lg" sx={{ flex: 1, py: { xs: 1, sm: 2 }, px: { xs: 1, sm: 2 }, minWidth: 0 }}>
        <Typography
          variant="h5"
          component="h1"
          id="react-admin-title"
          data-testid="page-title"
          sx={{ fontWeight: 600, px: { xs: 1, sm: 2 }, pt: 1, overflowWrap: 'anywhere', '&:empty': { display: 'none' } }}
        />
        <PageErrorBoundary resetKey={pathname}>
          <Suspense fallback={<Loading />}>{children}</Suspense>
        </PageErrorBoundary>
      </Container>
    </Box>
  );
};
