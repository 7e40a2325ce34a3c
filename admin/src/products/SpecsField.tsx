import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { specsSummary, type Product } from './choices';

/** The product's specs in one line: "4 vCPU · 8 GB RAM · 160 GB NVMe SSD" or "1U · 200 W". */
export const SpecsField = (_props: { label?: string }) => {
  const product = useRecordContext<Product>();
  return (
    <Typography component="span" variant="body2" color="text.secondary">
      {specsSummary(product)}
    </Typography>
  );
};
