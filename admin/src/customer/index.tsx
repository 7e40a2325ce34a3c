import CartIcon from '@mui/icons-material/ShoppingCart';
import CatalogIcon from '@mui/icons-material/Storefront';
import DnsIcon from '@mui/icons-material/Dns';
import OrderIcon from '@mui/icons-material/ReceiptLong';
import PersonIcon from '@mui/icons-material/Person';
import { lazy } from 'react';
import { Resource } from 'react-admin';

// Each page is its own chunk, fetched when first opened: the portal's frame paints before them
// (CustomerLayout suspends only the page), which matters on a slow mobile connection.
const CartPage = lazy(() => import('./cart/CartPage').then((m) => ({ default: m.CartPage })));
const CatalogList = lazy(() => import('./catalog/CatalogList').then((m) => ({ default: m.CatalogList })));
const CatalogShow = lazy(() => import('./catalog/CatalogShow').then((m) => ({ default: m.CatalogShow })));
const MyOrderList = lazy(() => import('./orders/MyOrderList').then((m) => ({ default: m.MyOrderList })));
const MyOrderShow = lazy(() => import('./orders/MyOrderShow').then((m) => ({ default: m.MyOrderShow })));
const ProfilePage = lazy(() => import('./profile/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const MyServicesPage = lazy(() => import('./services/MyServicesPage').then((m) => ({ default: m.MyServicesPage })));

/**
 * The customer area: what a CUSTOMER gets instead of the staff resources (App.tsx). Pages that are
 * not lists of records (cart, services, profile) are resources too, so the menu lists them.
 */
export const customerResources = [
  <Resource key="my-orders" name="my-orders" list={MyOrderList} show={MyOrderShow} icon={OrderIcon} recordRepresentation="number" />,
  <Resource key="catalog" name="catalog" list={CatalogList} show={CatalogShow} icon={CatalogIcon} recordRepresentation="name" />,
  <Resource key="cart" name="cart" list={CartPage} icon={CartIcon} />,
  <Resource key="my-services" name="my-services" list={MyServicesPage} icon={DnsIcon} />,
  <Resource key="profile" name="profile" list={ProfilePage} icon={PersonIcon} />,
];
