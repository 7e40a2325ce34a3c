import { loadSession } from '../auth/session';
import { weekInJakarta } from '../installments/dates';
import { PROVIDER_SIGNING_FIELDS } from '../spk/choices';

/**
 * How each react-admin resource maps onto the GraphQL API (schema.graphql is the contract):
 * which list and single queries to call, which fields to ask for, which filter the list always
 * carries, which columns the API can sort by, and which mutations save a record.
 */

export interface MutationDef {
  /** Mutation field, e.g. createProduct. */
  field: string;
  /** GraphQL type of its `input` argument. */
  inputType: string;
  /** The input's fields, in the form's vocabulary: anything else in the record is never sent. */
  inputFields: readonly string[];
  /** Converts a whitelisted value (e.g. a nested object) before it is sent. */
  convert?: Partial<Record<string, (value: unknown) => unknown>>;
}

export interface ResourceDef {
  /** Paged list query, e.g. products -> ProductPage { items total page perPage }. */
  list: string;
  /** Single-record query taking `id: ID!`, e.g. product(id). */
  one: string;
  /** The list query's filter input type; '' when the list takes its filters as plain arguments (see argFilters). */
  filterType: string;
  /** Filters the list query takes as top-level arguments, with their GraphQL types (staffTasks(status: ...)). */
  argFilters?: Record<string, string>;
  /** The filter input's fields: anything else in react-admin's filter (URL, saved queries) is dropped. */
  filters: readonly string[];
  /** Sent with every list query of this resource (customers and staff are both `users`). */
  baseFilter?: Record<string, unknown>;
  /** Turns the list's own filter keys (e.g. `assignment: 'mine'`) into the API's, before `filters` applies. */
  mapFilter?: (filter: Record<string, unknown>) => Record<string, unknown>;
  /** Fields of list rows. */
  fields: string;
  /** Fields of one record (show/edit); defaults to `fields`. */
  detailFields?: string;
  /** Columns the API accepts as sortField; anything else falls back to the API's default order. */
  sortable: readonly string[];
  /** The filter input has `ids` (used by getMany). */
  hasIds: boolean;
  create?: MutationDef;
  update?: MutationDef;
  /** Mutation field taking `id: ID!` and returning Boolean. */
  delete?: string;
}

const PRODUCT_SPECS = ['cpu', 'ramGb', 'storageGb', 'storageType', 'bandwidth', 'rackUnits', 'powerWatts', 'ipv4Count'] as const;
const PRODUCT_FIELDS = `id name slug category description cashPrice setupFee pricesIncludeVat active createdAt updatedAt specs { ${PRODUCT_SPECS.join(' ')} }`;
const PLAN_FIELDS = `id productId name tenorMonths downPaymentType downPaymentValue marginBpsPerMonth adminFee lateFeeGraceDays lateFeeType lateFeeValue lateFeeCap autoSuspendAfterDays active createdAt updatedAt`;
const SUMMARY_FIELDS = `installmentsCount paidCount remainingCount overdueCount paidAmount outstandingAmount arrearsAmount nextDue { number dueDate amount }`;
const SERVICE_FIELDS = `id label status provisioning driver hostname hostingUrl orderId orderItemId pendingAction lastError attempts suspensionCause createdAt updatedAt allowedActions`;
const SUSPENSION_FIELDS = `suspensionHistory { id action cause actorRole reason payUntil at }`;
const SPK_FIELDS = `id number status currentVersion orderId createdAt updatedAt order { id number status } customer { id fullName phone }`;
const SPK_DETAIL_FIELDS = `${SPK_FIELDS} documentCode downloadUrl verifyUrl approvedAt confirmedAt rejectionReason revisionComments stampDuty stampProvider stampSerial allowedActions signatureProvider ${PROVIDER_SIGNING_FIELDS}
  versions { id version kind note sha256 createdAt downloadUrl verification }
  history { id action fromStatus toStatus reason actorRole at actor { id fullName } }`;
const ORDER_FIELDS = `id number status customerName customerPhone customerEmail totalPrice startDate createdAt lastOverdueNoticeAt assignedTo { id fullName } summary { ${SUMMARY_FIELDS} }`;
const ALLOCATION_FIELDS = `id installmentNumber principal lateFee reversedAt`;
const ORDER_PAYMENT_FIELDS = `id reference amount method kind status provider createdAt settledAt rejectionReason proofUrl allocations { ${ALLOCATION_FIELDS} }`;
const ORDER_DETAIL_FIELDS = `${ORDER_FIELDS} spkConfirmedAt spkNotice graceUntil cancelReason notes updatedAt allowedActions
  spk { id number status confirmedAt currentVersion }
  services { ${SERVICE_FIELDS} ${SUSPENSION_FIELDS} }
  customer { id username fullName email phone note }
  items { id position productName category specs planTerms cashPrice setupFee totalPrice }
  installments { id number dueDate amount principal margin fees vat stampDuty status paidAmount lateFee lateFeePaid paidAt }
  payments { ${ORDER_PAYMENT_FIELDS} }`;
const PAYMENT_FIELDS = `id reference amount method kind status provider createdAt settledAt proofUrl orderId order { id number customerName status }`;
const PAYMENT_DETAIL_FIELDS = `${PAYMENT_FIELDS} providerReference expiresAt verifiedAt rejectionReason updatedAt allowedActions allocations { ${ALLOCATION_FIELDS} }`;

/**
 * The order list's "assigned to" filter: `mine` (the signed-in staff member) or `unassigned`.
 * The session is read when the query is built, so the URL stays the same for everyone.
 */
const orderFilter = (filter: Record<string, unknown>) => {
  const { assignment, ...rest } = filter;
  if (assignment === 'mine') return { ...rest, assignedTo: loadSession()?.user.id };
  if (assignment === 'unassigned') return { ...rest, unassigned: true };
  return rest;
};

/**
 * The anomalies list's switch: only the unresolved ones (the API's default) unless `unresolved` is
 * explicitly false; the API's argument is a non-null Boolean, so it is always sent.
 */
const anomalyFilter = (filter: Record<string, unknown>) => ({ ...filter, unresolved: filter.unresolved !== false });

/** The installments list's quick filter "due this week" becomes a due-date range (Asia/Jakarta, Monday to Sunday). */
const installmentFilter = (filter: Record<string, unknown>) => {
  const { dueThisWeek, ...rest } = filter;
  if (!dueThisWeek) return rest;
  const week = weekInJakarta();
  return { ...rest, dueFrom: week.from, dueTo: week.to };
};
/**
 * The customer's own order page: what the order page of the customer area shows, including the SPK's
 * actions and download, and the services made from its items. `order(id)` checks ownership.
 */
const MY_ORDER_FIELDS = `id number status totalPrice startDate createdAt spkNotice summary { ${SUMMARY_FIELDS} } items { id position productName category specs } services { id orderItemId label status }`;
const MY_ORDER_DETAIL_FIELDS = `${MY_ORDER_FIELDS} spkConfirmedAt serviceBlockedReason graceUntil cancelReason updatedAt allowedActions customerName customerPhone customerEmail
  spk { id number status currentVersion downloadUrl allowedActions revisionComments rejectionReason confirmedAt signatureProvider ${PROVIDER_SIGNING_FIELDS} }
  installments { id number dueDate amount principal margin fees vat stampDuty status paidAmount lateFee lateFeePaid paidAt }
  payments { ${ORDER_PAYMENT_FIELDS} expiresAt redirectUrl proofUploadUrl }
  firstPayment { downPayment setupFee adminFee stampDuty total }
  contractEndTerms contractRequests { id kind status note createdAt }`;

const USER_FIELDS = `id username email role fullName phone company active locale lastLoginAt createdAt`;
const USER_DETAIL_FIELDS = `${USER_FIELDS} nik address note updatedAt`;

/** Empty inputs mean "none": a spec left blank is sent as null, numbers as numbers. */
const specsInput = (value: unknown) => {
  const specs = (value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(PRODUCT_SPECS.map((key) => [key, specs[key] === '' || specs[key] === undefined ? null : specs[key]]));
};

const PRODUCT_INPUT = ['category', 'name', 'slug', 'description', 'specs', 'cashPrice', 'setupFee', 'pricesIncludeVat', 'active'] as const;
const PLAN_TERMS = [
  'name',
  'tenorMonths',
  'downPaymentType',
  'downPaymentValue',
  'marginBpsPerMonth',
  'adminFee',
  'lateFeeGraceDays',
  'lateFeeType',
  'lateFeeValue',
  'lateFeeCap',
  'autoSuspendAfterDays',
  'active',
] as const;
const PROFILE_INPUT = ['email', 'fullName', 'phone', 'nik', 'company', 'address', 'note', 'locale', 'active'] as const;

export const resources: Record<string, ResourceDef> = {
  products: {
    list: 'products',
    one: 'product',
    filterType: 'ProductFilter',
    filters: ['q', 'category', 'active', 'ids'],
    fields: PRODUCT_FIELDS,
    detailFields: `${PRODUCT_FIELDS} plans { ${PLAN_FIELDS} }`,
    sortable: ['name', 'category', 'cashPrice', 'createdAt', 'slug'],
    hasIds: true,
    create: { field: 'createProduct', inputType: 'CreateProductInput', inputFields: PRODUCT_INPUT, convert: { specs: specsInput } },
    update: { field: 'updateProduct', inputType: 'UpdateProductInput', inputFields: PRODUCT_INPUT, convert: { specs: specsInput } },
    delete: 'deleteProduct',
  },
  installmentPlans: {
    list: 'installmentPlans',
    one: 'installmentPlan',
    filterType: 'PlanFilter',
    filters: ['productId', 'active', 'ids'],
    fields: PLAN_FIELDS,
    sortable: ['name', 'tenorMonths', 'createdAt'],
    hasIds: true,
    create: { field: 'createInstallmentPlan', inputType: 'CreatePlanInput', inputFields: ['productId', ...PLAN_TERMS] },
    update: { field: 'updateInstallmentPlan', inputType: 'PlanTermsInput', inputFields: PLAN_TERMS },
    delete: 'deleteInstallmentPlan',
  },
  customers: {
    list: 'users',
    one: 'user',
    filterType: 'UserFilter',
    filters: ['q', 'role', 'active', 'ids'],
    baseFilter: { staff: false },
    fields: USER_FIELDS,
    detailFields: USER_DETAIL_FIELDS,
    sortable: ['username', 'email', 'fullName', 'createdAt', 'lastLoginAt'],
    hasIds: true,
    update: { field: 'updateUser', inputType: 'UpdateUserInput', inputFields: PROFILE_INPUT },
  },
  staff: {
    list: 'users',
    one: 'user',
    filterType: 'UserFilter',
    filters: ['q', 'role', 'active', 'ids'],
    baseFilter: { staff: true },
    fields: USER_FIELDS,
    detailFields: USER_DETAIL_FIELDS,
    sortable: ['username', 'email', 'fullName', 'role', 'createdAt', 'lastLoginAt'],
    hasIds: true,
    create: { field: 'createStaff', inputType: 'CreateStaffInput', inputFields: ['username', 'email', 'password', 'fullName', 'phone', 'role'] },
    update: { field: 'updateUser', inputType: 'UpdateUserInput', inputFields: [...PROFILE_INPUT, 'role'] },
  },
  /** Active staff accounts, lean, for "hand over to" pickers (a 200-row page of full profiles is too costly a query). */
  assignees: {
    list: 'users',
    one: 'user',
    filterType: 'UserFilter',
    filters: ['q', 'role', 'ids'],
    baseFilter: { staff: true, active: true },
    fields: 'id username fullName role',
    sortable: ['username', 'fullName'],
    hasIds: true,
  },
  /** Any account, staff or customer: only for references (who did what in the audit log). */
  users: {
    list: 'users',
    one: 'user',
    filterType: 'UserFilter',
    filters: ['q', 'role', 'active', 'ids'],
    fields: 'id username fullName role',
    sortable: ['username', 'fullName', 'createdAt'],
    hasIds: true,
  },
  orders: {
    list: 'orders', // staff only (customers have myOrders)
    one: 'order',
    filterType: 'OrderFilter',
    filters: ['status', 'overdue', 'assignedTo', 'unassigned', 'customerId', 'q', 'ids', 'secondChanceEndsWithinDays'],
    mapFilter: orderFilter,
    fields: ORDER_FIELDS,
    detailFields: ORDER_DETAIL_FIELDS,
    sortable: ['createdAt', 'number', 'status', 'totalPrice', 'customerName'],
    hasIds: true,
  },
  installments: {
    list: 'installments', // staff only; a row is shown within its order, there is no single-installment page
    one: '',
    filterType: 'InstallmentFilter',
    filters: ['overdue', 'status', 'dueFrom', 'dueTo', 'orderId', 'customerId', 'ids'],
    mapFilter: installmentFilter,
    fields: 'id number dueDate amount paidAmount lateFee lateFeePaid status orderId order { id number customerName customerPhone status }',
    sortable: ['dueDate', 'amount', 'status'],
    hasIds: true,
  },
  /** The catalog as customers see it: active products and their active plans. */
  catalog: {
    list: 'products',
    one: 'product',
    filterType: 'ProductFilter',
    filters: ['q', 'category', 'ids'],
    fields: `${PRODUCT_FIELDS} plans { id tenorMonths monthlyInstallment }`,
    detailFields: `${PRODUCT_FIELDS} plans { ${PLAN_FIELDS} }`,
    sortable: ['name', 'category', 'cashPrice'],
    hasIds: true,
  },
  /** The signed-in customer's orders (myOrders); the API never returns anyone else's. */
  'my-orders': {
    list: 'myOrders',
    one: 'order',
    filterType: 'OrderFilter',
    filters: ['status', 'overdue', 'ids'],
    fields: MY_ORDER_FIELDS,
    detailFields: MY_ORDER_DETAIL_FIELDS,
    sortable: ['createdAt', 'number', 'status', 'totalPrice'],
    hasIds: true,
  },
  payments: {
    list: 'payments', // staff only
    one: 'payment',
    filterType: 'PaymentFilter',
    filters: ['status', 'method', 'orderId', 'awaitingVerification', 'ids'],
    fields: PAYMENT_FIELDS,
    detailFields: PAYMENT_DETAIL_FIELDS,
    sortable: ['createdAt', 'amount', 'status', 'settledAt'],
    hasIds: true,
  },
  paymentAnomalies: {
    list: 'paymentAnomalies', // FINANCE and ADMIN; a list only (no single-anomaly query)
    one: '',
    filterType: '',
    filters: ['unresolved'],
    argFilters: { unresolved: 'Boolean!' },
    mapFilter: anomalyFilter,
    fields: 'id kind provider reference expected received details createdAt resolvedAt resolution',
    sortable: ['createdAt', 'kind'],
    hasIds: false,
  },
  taxInvoices: {
    list: 'taxInvoices', // FINANCE and ADMIN; a list only
    one: '',
    filterType: 'TaxInvoiceFilter',
    filters: ['period', 'status', 'kind', 'orderId', 'q'],
    mapFilter: (filter) => ({ ...filter, ...(filter.status ? { status: [filter.status].flat() } : {}) }),
    fields: 'id reference kind status invoiceDate period buyerName buyerTin taxBase otherTaxBase vat coretaxNumber',
    sortable: ['reference', 'invoiceDate', 'status', 'vat', 'buyerName'],
    hasIds: false,
  },
  stampDutyLedger: {
    list: 'stampDutyLedger', // FINANCE and ADMIN; a list only
    one: '',
    filterType: 'StampDutyFilter',
    filters: ['month', 'documentKind', 'borneBy'],
    fields: 'id ordinal usedAt documentKind documentNumber serial provider amount borneBy chargedInstallmentNumber',
    sortable: ['ordinal', 'usedAt', 'documentNumber', 'amount'],
    hasIds: false,
  },
  spks: {
    list: 'spks', // staff only
    one: 'spk',
    filterType: 'SpkFilter',
    filters: ['status', 'orderId', 'customerId', 'ids'],
    fields: SPK_FIELDS,
    detailFields: SPK_DETAIL_FIELDS,
    sortable: ['createdAt', 'updatedAt', 'number', 'status'],
    hasIds: true,
  },
  services: {
    list: 'services', // staff only (customers have myServices)
    one: 'service',
    filterType: 'ServiceFilter',
    filters: ['status', 'failing', 'orderId', 'ids'],
    fields: SERVICE_FIELDS,
    detailFields: `${SERVICE_FIELDS} osTemplate externalRef ${SUSPENSION_FIELDS}`,
    sortable: ['createdAt', 'label', 'status'],
    hasIds: true,
  },
  staffTasks: {
    list: 'staffTasks',
    one: '',
    filterType: '',
    filters: ['status'],
    argFilters: { status: 'StaffTaskStatus' },
    fields: 'id action status instructions note createdAt completedAt service { id label status driver orderId } order { id number }',
    sortable: ['createdAt', 'status'],
    hasIds: false,
  },
  notificationDeliveries: {
    list: 'notificationDeliveries',
    one: '',
    filterType: 'DeliveryFilter',
    filters: ['status', 'channel'],
    fields: 'id channel target status attempts lastError nextAttemptAt sentAt providerMessageId createdAt updatedAt',
    sortable: ['createdAt', 'status'],
    hasIds: false,
  },
  auditLog: {
    list: 'auditLog',
    one: '',
    filterType: 'AuditFilter',
    filters: ['action', 'actorId', 'entityId', 'entityType'],
    fields: 'id at action sentence parts { text kind refId } actorId actorRole entityType entityId data requestId',
    sortable: ['at', 'action', 'entityType'],
    hasIds: false,
  },
};
