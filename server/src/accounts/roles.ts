import { registerEnumType } from 'type-graphql';

export enum Role {
  CUSTOMER = 'CUSTOMER',
  ADMIN = 'ADMIN',
  FINANCE = 'FINANCE',
  SUPPORT = 'SUPPORT',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'CUSTOMER buys; ADMIN may do everything; FINANCE handles payments; SUPPORT handles orders, SPK and services.',
});

export const STAFF_ROLES = [Role.ADMIN, Role.FINANCE, Role.SUPPORT] as const;

export const isStaff = (role: Role) => role !== Role.CUSTOMER;
