import { defaultTheme, type RaThemeOptions } from 'react-admin';
import { branding } from './branding';

/** react-admin's default look in Angsur's blue; column headers on one line, lists 25 rows a page. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#0b5fa5' },
    secondary: { main: '#0b5fa5' },
  },
  components: {
    ...defaultTheme.components,
    RaDataTable: {
      styleOverrides: {
        root: { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } },
      },
    },
    RaList: {
      defaultProps: { perPage: 25 },
    },
  },
};

/** react-admin's theme in the company's colour. */
export const brandTheme: RaThemeOptions = {
  ...theme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: branding.primaryColor },
    secondary: { main: branding.primaryColor },
  },
};
