import { RefreshToken } from '../accounts/refresh-token.entity';
import { User } from '../accounts/user.entity';
import { AuditLog } from '../audit/audit-log.entity';
import { InstallmentPlan } from '../catalog/installment-plan.entity';
import { Product, ProductSpecs } from '../catalog/product.entity';

/** Every entity MikroORM maps; listed by hand so discovery never scans the file system. */
export const entities = [User, RefreshToken, Product, ProductSpecs, InstallmentPlan, AuditLog];
