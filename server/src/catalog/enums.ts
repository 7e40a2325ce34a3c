import { registerEnumType } from 'type-graphql';

export enum ProductCategory {
  CLOUD_SERVER = 'CLOUD_SERVER',
  DEDICATED_SERVER = 'DEDICATED_SERVER',
  COLOCATION = 'COLOCATION',
  VPS = 'VPS',
}
registerEnumType(ProductCategory, { name: 'ProductCategory' });

export enum DownPaymentType {
  PERCENT = 'PERCENT',
  FIXED = 'FIXED',
}
registerEnumType(DownPaymentType, {
  name: 'DownPaymentType',
  description: 'PERCENT: downPaymentValue is basis points of the cash price (1000 = 10 %); FIXED: rupiah.',
});

export enum LateFeeType {
  FIXED_PER_DAY = 'FIXED_PER_DAY',
  PERCENT_PER_DAY = 'PERCENT_PER_DAY',
}
registerEnumType(LateFeeType, {
  name: 'LateFeeType',
  description: 'FIXED_PER_DAY: lateFeeValue rupiah a day; PERCENT_PER_DAY: basis points of the overdue amount a day.',
});
