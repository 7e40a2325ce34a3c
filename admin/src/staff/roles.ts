export const STAFF_ROLE_CHOICES = (['ADMIN', 'FINANCE', 'SUPPORT'] as const).map((id) => ({ id, name: `angsur.roles.${id}` }));
