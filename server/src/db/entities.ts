import { RefreshToken } from '../accounts/refresh-token.entity';
import { User } from '../accounts/user.entity';
import { AuditLog } from '../audit/audit-log.entity';
import { InstallmentPlan } from '../catalog/installment-plan.entity';
import { Product, ProductSpecs } from '../catalog/product.entity';
import { Installment } from '../installments/installment.entity';
import { CartItem } from '../orders/cart-item.entity';
import { OrderItem } from '../orders/order-item.entity';
import { Order } from '../orders/order.entity';
import { Counter } from './counter.entity';
import { InstallmentReminder } from '../billing/reminder.entity';
import { Notification, NotificationDelivery } from '../notifications/notification.entity';
import { Service, StaffTask, SuspensionEvent } from '../hosting/service.entity';
import { Spk, SpkEvent, SpkVersion } from '../spk/spk.entity';
import { SpkProviderSigning } from '../spk/provider-signing.entity';
import { StoredFile } from '../files/stored-file.entity';
import { Payment, PaymentAllocation } from '../payments/payment.entity';
import { PaymentAnomaly, WebhookEvent } from '../payments/webhook-event.entity';
import { RecoveryCode } from '../accounts/recovery-code.entity';
import { PrivacyRequest } from '../privacy/privacy-request.entity';

/** Every entity MikroORM maps; listed by hand so discovery never scans the file system. */
export const entities = [User, RefreshToken, Product, ProductSpecs, InstallmentPlan, AuditLog, Counter, CartItem, Order, OrderItem, Installment, StoredFile, Payment, PaymentAllocation, WebhookEvent, PaymentAnomaly, Spk, SpkVersion, SpkEvent, Service, SuspensionEvent, StaffTask, Notification, NotificationDelivery, InstallmentReminder, RecoveryCode, PrivacyRequest, SpkProviderSigning];
