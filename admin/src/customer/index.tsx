import CartIcon from '@mui/icons-material/ShoppingCart';
import CatalogIcon from '@mui/icons-material/Storefront';
import DnsIcon from '@mui/icons-material/Dns';
import OrderIcon from '@mui/icons-material/ReceiptLong';
import PersonIcon from '@mui/icons-material/Person';
import { Resource } from 'react-admin';
import { CartPage } from './cart/CartPage';
import { CatalogList } from './catalog/CatalogList';
import { CatalogShow } from './catalog/CatalogShow';
import { MyOrderList } from './orders/MyOrderList';
import { MyOrderShow } from './orders/MyOrderShow';
import { ProfilePage } from './profile/ProfilePage';
import { MyServicesPage } from './services/MyServicesPage';

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
