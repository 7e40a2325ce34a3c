import { AuditResolver } from './audit.resolver';

/** What the audit domain offers the GraphQL API (assembled in app/schema.ts). */
export const auditResolvers = [AuditResolver] as const;
