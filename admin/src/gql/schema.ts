export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** A calendar date (Asia/Jakarta), formatted YYYY-MM-DD. */
  LocalDate: { input: string; output: string; }
  /** Whole Indonesian rupiah as a string of digits, e.g. "1500000" (Rp 1.500.000). Inputs accept a string or an integer. */
  Rupiah: { input: string; output: string; }
};

export type AddToCartInput = {
  planId: Scalars['ID']['input'];
  productId: Scalars['ID']['input'];
  quantity?: Scalars['Int']['input'];
};

/** How late what is owed is: CURRENT (not yet due, due today included), then days past the due date */
export const AgingBucket = {
  Current: 'CURRENT',
  Days_1_30: 'DAYS_1_30',
  Days_31_60: 'DAYS_31_60',
  Days_61_90: 'DAYS_61_90',
  Over_90: 'OVER_90'
} as const;

export type AgingBucket = typeof AgingBucket[keyof typeof AgingBucket];
export type AgingLine = {
  __typename?: 'AgingLine';
  /** Unpaid amounts plus unpaid late fees */
  amount: Scalars['Rupiah']['output'];
  bucket: AgingBucket;
  installments: Scalars['Int']['output'];
  orders: Scalars['Int']['output'];
};

export const AnomalyKind = {
  AmountMismatch: 'AMOUNT_MISMATCH',
  LateSettlement: 'LATE_SETTLEMENT',
  Overpayment: 'OVERPAYMENT',
  UniqueCodeRefund: 'UNIQUE_CODE_REFUND',
  UnknownReference: 'UNKNOWN_REFERENCE'
} as const;

export type AnomalyKind = typeof AnomalyKind[keyof typeof AnomalyKind];
/** The staff member handling an order (name only; staff read the rest through `user`) */
export type Assignee = {
  __typename?: 'Assignee';
  fullName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
};

export type AuditFilter = {
  action?: InputMaybe<Scalars['String']['input']>;
  actorId?: InputMaybe<Scalars['ID']['input']>;
  entityId?: InputMaybe<Scalars['ID']['input']>;
  entityType?: InputMaybe<Scalars['String']['input']>;
};

export type AuditLog = {
  __typename?: 'AuditLog';
  action: Scalars['String']['output'];
  actorId?: Maybe<Scalars['ID']['output']>;
  actorRole?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTimeISO']['output'];
  data?: Maybe<Scalars['JSONObject']['output']>;
  entityId: Scalars['ID']['output'];
  entityType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The sentence in pieces, with the records it names for links */
  parts: Array<SentencePart>;
  requestId?: Maybe<Scalars['String']['output']>;
  /** The entry as a sentence in the reader's language */
  sentence: Scalars['String']['output'];
};

export type AuditLogPage = {
  __typename?: 'AuditLogPage';
  items: Array<AuditLog>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  accessToken: Scalars['String']['output'];
  accessTokenExpiresAt: Scalars['DateTimeISO']['output'];
  refreshToken: Scalars['String']['output'];
  refreshTokenExpiresAt: Scalars['DateTimeISO']['output'];
  user: User;
};

export type BankStatementLine = {
  __typename?: 'BankStatementLine';
  amount: Scalars['Rupiah']['output'];
  /** Booking date (Asia/Jakarta) */
  bookedOn: Scalars['LocalDate']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  note?: Maybe<Scalars['String']['output']>;
  /** Sender name, when the bank line names one */
  payerName?: Maybe<Scalars['String']['output']>;
  payment?: Maybe<Payment>;
  source: StatementSource;
  status: StatementLineStatus;
  suggestions: Array<MatchSuggestion>;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type BillingPassSummary = {
  __typename?: 'BillingPassSummary';
  date: Scalars['LocalDate']['output'];
  /** A preview: nothing was written or sent */
  dryRun: Scalars['Boolean']['output'];
  feesChanged: Scalars['Int']['output'];
  graceExpired: Scalars['Int']['output'];
  reminders: Scalars['Int']['output'];
  staffNotices: Scalars['Int']['output'];
  statusChanges: Scalars['Int']['output'];
  suspendedOrders: Array<Scalars['ID']['output']>;
};

export type CartItem = {
  __typename?: 'CartItem';
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  plan: InstallmentPlan;
  product: Product;
  quantity: Scalars['Int']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type ChangePasswordInput = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};

export const Channel = {
  Email: 'EMAIL',
  Whatsapp: 'WHATSAPP'
} as const;

export type Channel = typeof Channel[keyof typeof Channel];
export type CheckoutInput = {
  /** Defaults to the profile’s full name */
  customerName?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to the profile’s phone; 08..., +62... or 62... */
  customerPhone?: InputMaybe<Scalars['String']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
};

/** Cash basis for the current month in Asia/Jakarta: settled in the month minus refunded in the month */
export type CollectionsFigures = {
  __typename?: 'CollectionsFigures';
  /** YYYY-MM */
  month: Scalars['String']['output'];
  /** settled - refunded (negative in a month with more refunds than receipts) */
  net: Scalars['Rupiah']['output'];
  refunded: Scalars['Rupiah']['output'];
  refundedCount: Scalars['Int']['output'];
  settled: Scalars['Rupiah']['output'];
  settledCount: Scalars['Int']['output'];
};

export type ConfirmTwoFactorInput = {
  code: Scalars['String']['input'];
  /** The ENROL token from login, when not signed in */
  secondStepToken?: InputMaybe<Scalars['String']['input']>;
};

export type ContractRequest = {
  __typename?: 'ContractRequest';
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  kind: ContractRequestKind;
  note?: Maybe<Scalars['String']['output']>;
  status: ContractRequestStatus;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type ContractRequestInput = {
  kind: ContractRequestKind;
  note?: InputMaybe<Scalars['String']['input']>;
};

/** What the customer asks for once the last installment is paid */
export const ContractRequestKind = {
  Cancellation: 'CANCELLATION',
  Renewal: 'RENEWAL',
  Upgrade: 'UPGRADE'
} as const;

export type ContractRequestKind = typeof ContractRequestKind[keyof typeof ContractRequestKind];
export const ContractRequestStatus = {
  Done: 'DONE',
  Open: 'OPEN'
} as const;

export type ContractRequestStatus = typeof ContractRequestStatus[keyof typeof ContractRequestStatus];
/** One Coretax import file (at most 1,000 invoices) */
export type CoretaxFile = {
  __typename?: 'CoretaxFile';
  count: Scalars['Int']['output'];
  fileName: Scalars['String']['output'];
  /** The XML (TaxInvoiceBulk) to upload to Coretax */
  xml: Scalars['String']['output'];
};

/** What happened to one row of an imported list of Coretax numbers */
export type CoretaxImportRow = {
  __typename?: 'CoretaxImportRow';
  /** The column at fault: reference, number or columns */
  field?: Maybe<Scalars['String']['output']>;
  line: Scalars['Int']['output'];
  message?: Maybe<Scalars['String']['output']>;
  /** NUMBERED, UNCHANGED or ERROR */
  outcome: Scalars['String']['output'];
  reference?: Maybe<Scalars['String']['output']>;
};

export type CreatePaymentInput = {
  /** Defaults to what is due now (all overdue and due today, or the next installment). Partial payments are allowed. */
  amount?: InputMaybe<Scalars['Rupiah']['input']>;
  /** Retrying with the same key returns the same payment instead of a second one */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  method: PaymentMethod;
  orderId: Scalars['ID']['input'];
  /** Pay everything still open (pelunasan); amount is then ignored */
  payoff?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreatePlanInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  adminFee?: InputMaybe<Scalars['Rupiah']['input']>;
  autoSuspendAfterDays?: InputMaybe<Scalars['Int']['input']>;
  downPaymentType: DownPaymentType;
  downPaymentValue: Scalars['Rupiah']['input'];
  lateFeeCap?: InputMaybe<Scalars['Rupiah']['input']>;
  lateFeeGraceDays?: InputMaybe<Scalars['Int']['input']>;
  lateFeeType?: InputMaybe<LateFeeType>;
  /** Rupiah a day, or basis points a day (0-1000) when PERCENT_PER_DAY */
  lateFeeValue?: InputMaybe<Scalars['Rupiah']['input']>;
  marginBpsPerMonth?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  productId: Scalars['ID']['input'];
  tenorMonths: Scalars['Int']['input'];
};

export type CreateProductInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  cashPrice: Scalars['Rupiah']['input'];
  category: ProductCategory;
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** Whether the prices include PPN (default true) */
  pricesIncludeVat?: InputMaybe<Scalars['Boolean']['input']>;
  setupFee?: InputMaybe<Scalars['Rupiah']['input']>;
  slug: Scalars['String']['input'];
  specs: ProductSpecsInput;
};

export type CreateServiceInput = {
  /** DNS-safe name, e.g. web-budi */
  label: Scalars['String']['input'];
  orderItemId: Scalars['ID']['input'];
  /** Required for VPS and Cloud Server: see osTemplates */
  osTemplate?: InputMaybe<Scalars['String']['input']>;
};

export type CreateStaffInput = {
  email: Scalars['String']['input'];
  fullName: Scalars['String']['input'];
  password: Scalars['String']['input'];
  phone: Scalars['String']['input'];
  role: Role;
  username: Scalars['String']['input'];
};

/** Staff dashboard figures, as of today in Asia/Jakarta (the app clock) */
export type Dashboard = {
  __typename?: 'Dashboard';
  /** Orders in status ACTIVE */
  activeOrders: Scalars['Int']['output'];
  /** Receivables by days past due; always five lines, in bucket order, adding up to `receivables` */
  aging: Array<AgingLine>;
  collections: CollectionsFigures;
  overdue: OverdueFigures;
  receivables: ReceivablesFigures;
  /** SPKs whose next step is the staff’s (DRAFT, APPROVED, REVISION_REQUESTED, CUSTOMER_SIGNED). Most recent first */
  spksAwaitingStaff: SpkQueue;
  today: Scalars['LocalDate']['output'];
  /** Open installments due from today through today + days, soonest first */
  upcomingDue: UpcomingDue;
  /** The day's work for staff: new orders waiting for an SPK, SPKs waiting for staff, proofs to verify, failing services, second chances ending within `days` */
  work: DayWork;
};


/** Staff dashboard figures, as of today in Asia/Jakarta (the app clock) */
export type DashboardSpksAwaitingStaffArgs = {
  limit?: Scalars['Int']['input'];
};


/** Staff dashboard figures, as of today in Asia/Jakarta (the app clock) */
export type DashboardUpcomingDueArgs = {
  days?: Scalars['Int']['input'];
  limit?: Scalars['Int']['input'];
};


/** Staff dashboard figures, as of today in Asia/Jakarta (the app clock) */
export type DashboardWorkArgs = {
  days?: Scalars['Int']['input'];
};

/** The day's work, counted; each figure is what its list shows with the matching filter */
export type DayWork = {
  __typename?: 'DayWork';
  /** orders(filter: { status: [AWAITING_SPK] }) */
  ordersAwaitingSpk: Scalars['Int']['output'];
  /** payments(filter: { awaitingVerification: true }) */
  proofsToVerify: Scalars['Int']['output'];
  /** orders(filter: { secondChanceEndsWithinDays: days }) */
  secondChanceEnding: Scalars['Int']['output'];
  /** services(filter: { failing: true }) */
  servicesFailing: Scalars['Int']['output'];
  /** SPKs whose next move is staff's (Spk.waitingFor = STAFF) */
  spksAwaitingStaff: Scalars['Int']['output'];
};

export type DeliveryFilter = {
  channel?: InputMaybe<Channel>;
  status?: InputMaybe<Array<DeliveryStatus>>;
};

export const DeliveryStatus = {
  Failed: 'FAILED',
  Pending: 'PENDING',
  Sent: 'SENT'
} as const;

export type DeliveryStatus = typeof DeliveryStatus[keyof typeof DeliveryStatus];
export type DismissStatementLineInput = {
  note: Scalars['String']['input'];
};

/** PERCENT: downPaymentValue is basis points of the cash price (1000 = 10 %); FIXED: rupiah. */
export const DownPaymentType = {
  Fixed: 'FIXED',
  Percent: 'PERCENT'
} as const;

export type DownPaymentType = typeof DownPaymentType[keyof typeof DownPaymentType];
/** What the first payment (installment 0) is made of; the parts add up to `total`. */
export type FirstPaymentBreakdown = {
  __typename?: 'FirstPaymentBreakdown';
  /** Biaya admin of every unit, as sold */
  adminFee: Scalars['Rupiah']['output'];
  /** Uang muka: the part of the price paid up front */
  downPayment: Scalars['Rupiah']['output'];
  /** Biaya setup of every unit, as sold */
  setupFee: Scalars['Rupiah']['output'];
  /** Bea meterai charged to the customer on this line (STAMP_DUTY_BORNE_BY=CUSTOMER) */
  stampDuty: Scalars['Rupiah']['output'];
  total: Scalars['Rupiah']['output'];
};

/** One line of an order's history: an audit entry or a notice, as a sentence in the reader's language */
export type HistoryEntry = {
  __typename?: 'HistoryEntry';
  /** The audit action (e.g. order.suspend), or `notice` */
  action: Scalars['String']['output'];
  at: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  parts: Array<SentencePart>;
  sentence: Scalars['String']['output'];
};

export type ImportStatementInput = {
  /** The exported file as text (CSV of internet banking, or MT940) */
  content: Scalars['String']['input'];
  source: StatementSource;
};

export type Installment = {
  __typename?: 'Installment';
  amount: Scalars['Rupiah']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  dueDate: Scalars['LocalDate']['output'];
  fees: Scalars['Rupiah']['output'];
  id: Scalars['ID']['output'];
  /** When the installment was invoiced (INVOICE_LEAD_DAYS before its due date) */
  invoicedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Late fee accrued so far */
  lateFee: Scalars['Rupiah']['output'];
  lateFeePaid: Scalars['Rupiah']['output'];
  margin: Scalars['Rupiah']['output'];
  /** 0 = down payment with fees; 1..N monthly */
  number: Scalars['Int']['output'];
  order: Order;
  orderId: Scalars['ID']['output'];
  /** DPP nilai lain (11/12 of the tax base under PMK 131/2024) */
  otherTaxBase: Scalars['Rupiah']['output'];
  /** Paid towards `amount` */
  paidAmount: Scalars['Rupiah']['output'];
  paidAt?: Maybe<Scalars['DateTimeISO']['output']>;
  principal: Scalars['Rupiah']['output'];
  /** Bea meterai (e-Meterai) charged to the customer on this line, included in `amount` */
  stampDuty: Scalars['Rupiah']['output'];
  status: InstallmentStatus;
  /** Tax base (harga jual) of this installment, without PPN */
  taxBase: Scalars['Rupiah']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  /** PPN (VAT) included in `amount`; 0 when the order has no VAT */
  vat: Scalars['Rupiah']['output'];
};

export type InstallmentFilter = {
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Due on or after this date */
  dueFrom?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Due on or before this date */
  dueTo?: InputMaybe<Scalars['LocalDate']['input']>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  orderId?: InputMaybe<Scalars['ID']['input']>;
  /** true: past the due date (Asia/Jakarta) with something unpaid, on an order that owes money now */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<Array<InstallmentStatus>>;
};

export type InstallmentPage = {
  __typename?: 'InstallmentPage';
  items: Array<Installment>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type InstallmentPlan = {
  __typename?: 'InstallmentPlan';
  active: Scalars['Boolean']['output'];
  /** One-time administration fee, paid with the down payment */
  adminFee: Scalars['Rupiah']['output'];
  /** Suspend automatically after this many days overdue; null = never (the customer chooses) */
  autoSuspendAfterDays?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  downPaymentType: DownPaymentType;
  /** Basis points of the cash price when PERCENT (1000 = 10 %), rupiah when FIXED */
  downPaymentValue: Scalars['Rupiah']['output'];
  id: Scalars['ID']['output'];
  /** Most late fee one installment can carry; null = no cap */
  lateFeeCap?: Maybe<Scalars['Rupiah']['output']>;
  /** Days after the due date before late fees start */
  lateFeeGraceDays: Scalars['Int']['output'];
  lateFeeType: LateFeeType;
  /** Rupiah a day (FIXED_PER_DAY) or basis points of the overdue amount a day (PERCENT_PER_DAY) */
  lateFeeValue: Scalars['Rupiah']['output'];
  /** Flat margin a month on the financed amount, in basis points (150 = 1.5 %) */
  marginBpsPerMonth: Scalars['Int']['output'];
  /** The usual monthly installment of one unit on this plan, as a quote starting today gives it */
  monthlyInstallment: Scalars['Rupiah']['output'];
  name: Scalars['String']['output'];
  product: Product;
  productId: Scalars['ID']['output'];
  /** Number of monthly installments after the down payment */
  tenorMonths: Scalars['Int']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type InstallmentPlanPage = {
  __typename?: 'InstallmentPlanPage';
  items: Array<InstallmentPlan>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** A full installment schedule preview; the lines add up exactly to totalPrice. */
export type InstallmentQuote = {
  __typename?: 'InstallmentQuote';
  adminFee: Scalars['Rupiah']['output'];
  cashPrice: Scalars['Rupiah']['output'];
  downPayment: Scalars['Rupiah']['output'];
  financedAmount: Scalars['Rupiah']['output'];
  /** What the first payment (installment 0) costs */
  firstPayment: Scalars['Rupiah']['output'];
  lines: Array<QuoteLine>;
  marginAmount: Scalars['Rupiah']['output'];
  /** The usual monthly installment (the last one may differ by the remainder) */
  monthlyInstallment: Scalars['Rupiah']['output'];
  plan: InstallmentPlan;
  product: Product;
  quantity: Scalars['Int']['output'];
  setupFee: Scalars['Rupiah']['output'];
  startDate: Scalars['LocalDate']['output'];
  totalPrice: Scalars['Rupiah']['output'];
  /** PPN of the whole contract: the lines’ vat adds up to it exactly */
  vatAmount: Scalars['Rupiah']['output'];
};

export const InstallmentStatus = {
  Cancelled: 'CANCELLED',
  Due: 'DUE',
  Overdue: 'OVERDUE',
  Paid: 'PAID',
  Pending: 'PENDING',
  Restructured: 'RESTRUCTURED'
} as const;

export type InstallmentStatus = typeof InstallmentStatus[keyof typeof InstallmentStatus];
export type KeptRecord = {
  __typename?: 'KeptRecord';
  /** What was kept, e.g. orders */
  what: Scalars['String']['output'];
  /** Why it must be kept */
  why: Scalars['String']['output'];
};

/** FIXED_PER_DAY: lateFeeValue rupiah a day; PERCENT_PER_DAY: basis points of the overdue amount a day. */
export const LateFeeType = {
  FixedPerDay: 'FIXED_PER_DAY',
  PercentPerDay: 'PERCENT_PER_DAY'
} as const;

export type LateFeeType = typeof LateFeeType[keyof typeof LateFeeType];
/** Bahasa Indonesia (id, default) or English (en) */
export const Locale = {
  En: 'en',
  Id: 'id'
} as const;

export type Locale = typeof Locale[keyof typeof Locale];
export type LoginInput = {
  /** Username or email */
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type LoginPayload = {
  __typename?: 'LoginPayload';
  accessToken?: Maybe<Scalars['String']['output']>;
  accessTokenExpiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  refreshToken?: Maybe<Scalars['String']['output']>;
  refreshTokenExpiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  secondStep?: Maybe<SecondStep>;
  /** Valid 5 minutes, for the second step only */
  secondStepToken?: Maybe<Scalars['String']['output']>;
  user?: Maybe<User>;
};

/** A pending transfer an unmatched credit may be */
export type MatchSuggestion = {
  __typename?: 'MatchSuggestion';
  customerName: Scalars['String']['output'];
  /** Credit minus expected */
  difference: Scalars['Rupiah']['output'];
  /** Amount plus unique code: what the customer was asked to send */
  expected: Scalars['Rupiah']['output'];
  orderNumber: Scalars['String']['output'];
  paymentId: Scalars['ID']['output'];
  /** EXACT_AMOUNT, WITHOUT_CODE, NEAR_AMOUNT, SAME_NAME */
  reasons: Array<Scalars['String']['output']>;
  reference: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  addToCart: CartItem;
  /** The customer agrees with the draft. */
  approveSpk: Spk;
  /** Hands the order and its customer to another staff member. */
  assignOrder: Order;
  /** Starts authenticator set-up: signed in, or with the ENROL token from login. */
  beginTwoFactorEnrolment: TwoFactorEnrolment;
  /** The customer, before the SPK is confirmed, or SUPPORT/ADMIN. */
  cancelOrder: Order;
  cancelSpk: Spk;
  /** Anonymises the customer (orders, payments, SPK numbers and amounts stay) and records what was kept and why. */
  carryOutErasure: PrivacyRequest;
  changePassword: Scalars['Boolean']['output'];
  /** Turns the cart into orders (one per cart line) with their installment schedules. */
  checkout: Array<Order>;
  /** The data was corrected (updateUser); say what was done. */
  completePrivacyCorrection: PrivacyRequest;
  completeStaffTask: StaffTask;
  /** The customer confirms the signature with the OTP the provider sent (providers that let us collect it). */
  confirmProviderOtp: Spk;
  /** Staff confirm the SPK: payment and the hosting service open up. */
  confirmSpk: Spk;
  /** Confirms set-up with a first code; answers the recovery codes (once) and a two-factor session. */
  confirmTwoFactorEnrolment: TwoFactorEnabled;
  createInstallmentPlan: InstallmentPlan;
  /** Starts a payment: online (returns redirectUrl) or bank transfer (then upload the proof to proofUploadUrl). */
  createPayment: Payment;
  createProduct: Product;
  /** The customer creates the hosting service of an order item (SPK confirmed, down payment settled). */
  createService: Service;
  /** Staff draft the SPK from the order (profile must be complete, no arrears elsewhere). */
  createSpk: Spk;
  createStaff: User;
  deleteInstallmentPlan: Scalars['Boolean']['output'];
  /** Only for products nothing refers to; otherwise deactivate. */
  deleteProduct: Scalars['Boolean']['output'];
  /** Turns two-factor sign-in off; needs the password. */
  disableTwoFactor: Scalars['Boolean']['output'];
  /** FINANCE: not a customer payment (or dealt with otherwise); takes it off the list */
  dismissStatementLine: BankStatementLine;
  /** FINANCE: the month’s invoices as Coretax XML import files (1,000 a file); drafts become EXPORTED. */
  exportCoretaxXml: Array<CoretaxFile>;
  /** FINANCE: import a bank statement; credits matching a pending transfer settle it, once (re-importing settles nothing twice) */
  importBankStatement: StatementImportResult;
  /** FINANCE: writes the numbers Coretax assigned (CSV: reference, 17-digit number); errors per row. */
  importCoretaxNumbers: Array<CoretaxImportRow>;
  /** A session, or for two-factor accounts the second step to take (secondStep). */
  login: LoginPayload;
  /** Ends the session the refresh token belongs to. */
  logout: Scalars['Boolean']['output'];
  /** Ends every session of the current user, on every device. */
  logoutEverywhere: Scalars['Boolean']['output'];
  /** Marks every unread notification read; returns how many */
  markAllRead: Scalars['Int']['output'];
  markRead: Notification;
  /** FINANCE: this credit is that pending transfer; settles it */
  matchStatementLine: BankStatementLine;
  /** Starts, stops or reboots the server of an active service (its customer, or SUPPORT); audited. */
  powerService: Service;
  /** ADMIN: records e-Meterai quota bought from the distributor. */
  recordStampQuotaPurchase: StampQuotaPurchase;
  /** Ask the provider now whether the customer has signed (after its signing page, or for staff). */
  refreshProviderSigning: Spk;
  /** Trades a refresh token for a new pair; the old refresh token stops working. */
  refreshToken: AuthPayload;
  /** Marks a settled payment refunded and takes its money back off the installments. */
  refundPayment: Payment;
  /** A new set of recovery codes (the old set stops working); needs the password. */
  regenerateRecoveryCodes: Array<Scalars['String']['output']>;
  /** A customer signs up; returns tokens so the app is logged in at once. */
  register: AuthPayload;
  rejectPayment: Payment;
  /** Refuses a request, with the reason the customer will read. */
  rejectPrivacyRequest: PrivacyRequest;
  /** Staff refuse the customer’s signed copy; the customer uploads again. */
  rejectSpkSignature: Spk;
  /** Once every installment is paid: the customer asks to renew, upgrade or cancel; staff get a task. */
  requestContractChange: ContractRequest;
  /** Forgot password: e-mails a single-use reset link when the address has an account. Always true, so it tells nobody who is registered. */
  requestPasswordReset: Scalars['Boolean']['output'];
  /** A customer asks for correction or erasure of their personal data; staff answer within 3 x 24 hours. */
  requestPersonalData: PrivacyRequest;
  /** The customer asks for changes. */
  requestSpkRevision: Spk;
  /** Sets a new password with the token from the reset e-mail (once, before it expires); ends every session of the account. */
  resetPassword: Scalars['Boolean']['output'];
  /** Turns another account's two-factor sign-in off (phone and recovery codes lost); ends its sessions. */
  resetTwoFactor: User;
  /** FINANCE records how money that was not applied was dealt with (e.g. refunded at the gateway). */
  resolvePaymentAnomaly: PaymentAnomaly;
  /** SUPPORT/ADMIN: the open amount of an order in arrears becomes a new schedule under an SPK addendum. */
  restructureOrder: Restructuring;
  /** Retries a failed driver action now */
  retryServiceProvisioning: Service;
  /** Staff regenerate the draft after changes (a new version). */
  reviseSpk: Spk;
  /** Runs the daily billing pass now (idempotent); `date` defaults to today in Asia/Jakarta and may not be later (BAD_USER_INPUT) */
  runBillingPass: BillingPassSummary;
  /** Tells an overdue customer to pay or suspend: in-app, email and WhatsApp at once */
  sendOverdueNotice: OverdueNoticeResult;
  /** Quantity 0 removes the line (returns null). */
  setCartItemQuantity?: Maybe<CartItem>;
  /** FINANCE: the transfer is in the bank statement; apply it. */
  settlePayment: Payment;
  /** Staff stamp the e-Meterai and sign the approved draft. */
  signSpk: Spk;
  /** The customer starts signing the admin-signed SPK through the certified provider (PSrE). */
  startProviderSigning: SpkProviderSigning;
  /** Staff send the draft to the customer to check. */
  submitSpkForReview: Spk;
  /** Suspends the order’s services: the customer’s choice when overdue, or staff. */
  suspendOrder: Order;
  terminateService: Service;
  /** Staff unsuspend, e.g. after an accidental suspension, giving the customer until payUntil to pay. */
  unsuspendOrder: Order;
  updateInstallmentPlan: InstallmentPlan;
  updateMyProfile: User;
  updateProduct: Product;
  /** Staff edit any profile; changing role or active needs ADMIN. */
  updateUser: User;
  /** Second sign-in step: the token from login and an authenticator or recovery code. */
  verifyTwoFactorLogin: AuthPayload;
  /** ADMIN: voids a quota purchase entered by mistake (it stops counting). */
  voidStampQuotaPurchase: StampQuotaPurchase;
};


export type MutationAddToCartArgs = {
  input: AddToCartInput;
};


export type MutationApproveSpkArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAssignOrderArgs = {
  assigneeId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
};


export type MutationBeginTwoFactorEnrolmentArgs = {
  secondStepToken?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationCancelSpkArgs = {
  id: Scalars['ID']['input'];
  input: SpkReasonInput;
};


export type MutationCarryOutErasureArgs = {
  id: Scalars['ID']['input'];
};


export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


export type MutationCheckoutArgs = {
  input?: InputMaybe<CheckoutInput>;
};


export type MutationCompletePrivacyCorrectionArgs = {
  id: Scalars['ID']['input'];
  input: PrivacyAnswerInput;
};


export type MutationCompleteStaffTaskArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationConfirmProviderOtpArgs = {
  input: ProviderOtpInput;
  spkId: Scalars['ID']['input'];
};


export type MutationConfirmSpkArgs = {
  id: Scalars['ID']['input'];
};


export type MutationConfirmTwoFactorEnrolmentArgs = {
  input: ConfirmTwoFactorInput;
};


export type MutationCreateInstallmentPlanArgs = {
  input: CreatePlanInput;
};


export type MutationCreatePaymentArgs = {
  input: CreatePaymentInput;
};


export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


export type MutationCreateServiceArgs = {
  input: CreateServiceInput;
};


export type MutationCreateSpkArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationCreateStaffArgs = {
  input: CreateStaffInput;
};


export type MutationDeleteInstallmentPlanArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteProductArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDisableTwoFactorArgs = {
  password: Scalars['String']['input'];
};


export type MutationDismissStatementLineArgs = {
  id: Scalars['ID']['input'];
  input: DismissStatementLineInput;
};


export type MutationExportCoretaxXmlArgs = {
  onlyNew?: Scalars['Boolean']['input'];
  period: Scalars['String']['input'];
};


export type MutationImportBankStatementArgs = {
  input: ImportStatementInput;
};


export type MutationImportCoretaxNumbersArgs = {
  csv: Scalars['String']['input'];
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationLogoutArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationMarkReadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMatchStatementLineArgs = {
  id: Scalars['ID']['input'];
  paymentId: Scalars['ID']['input'];
};


export type MutationPowerServiceArgs = {
  action: PowerAction;
  id: Scalars['ID']['input'];
};


export type MutationRecordStampQuotaPurchaseArgs = {
  input: StampQuotaPurchaseInput;
};


export type MutationRefreshProviderSigningArgs = {
  spkId: Scalars['ID']['input'];
};


export type MutationRefreshTokenArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRefundPaymentArgs = {
  id: Scalars['ID']['input'];
  input: ReasonInput;
};


export type MutationRegenerateRecoveryCodesArgs = {
  password: Scalars['String']['input'];
};


export type MutationRegisterArgs = {
  input: RegisterInput;
};


export type MutationRejectPaymentArgs = {
  id: Scalars['ID']['input'];
  input: ReasonInput;
};


export type MutationRejectPrivacyRequestArgs = {
  id: Scalars['ID']['input'];
  input: PrivacyAnswerInput;
};


export type MutationRejectSpkSignatureArgs = {
  id: Scalars['ID']['input'];
  input: SpkReasonInput;
};


export type MutationRequestContractChangeArgs = {
  input: ContractRequestInput;
  orderId: Scalars['ID']['input'];
};


export type MutationRequestPasswordResetArgs = {
  input: RequestPasswordResetInput;
};


export type MutationRequestPersonalDataArgs = {
  input: PrivacyRequestInput;
};


export type MutationRequestSpkRevisionArgs = {
  id: Scalars['ID']['input'];
  input: SpkReasonInput;
};


export type MutationResetPasswordArgs = {
  input: ResetPasswordInput;
};


export type MutationResetTwoFactorArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationResolvePaymentAnomalyArgs = {
  id: Scalars['ID']['input'];
  input: ResolutionInput;
};


export type MutationRestructureOrderArgs = {
  input: RestructureInput;
};


export type MutationRetryServiceProvisioningArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReviseSpkArgs = {
  id: Scalars['ID']['input'];
  input?: InputMaybe<SpkNoteInput>;
};


export type MutationRunBillingPassArgs = {
  date?: InputMaybe<Scalars['LocalDate']['input']>;
};


export type MutationSendOverdueNoticeArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationSetCartItemQuantityArgs = {
  id: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};


export type MutationSettlePaymentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSignSpkArgs = {
  id: Scalars['ID']['input'];
};


export type MutationStartProviderSigningArgs = {
  input?: InputMaybe<StartProviderSigningInput>;
  spkId: Scalars['ID']['input'];
};


export type MutationSubmitSpkForReviewArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSuspendOrderArgs = {
  orderId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationTerminateServiceArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationUnsuspendOrderArgs = {
  input: UnsuspendInput;
  orderId: Scalars['ID']['input'];
};


export type MutationUpdateInstallmentPlanArgs = {
  id: Scalars['ID']['input'];
  input: PlanTermsInput;
};


export type MutationUpdateMyProfileArgs = {
  input: ProfileInput;
};


export type MutationUpdateProductArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProductInput;
};


export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
};


export type MutationVerifyTwoFactorLoginArgs = {
  input: TwoFactorLoginInput;
};


export type MutationVoidStampQuotaPurchaseArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type NextDue = {
  __typename?: 'NextDue';
  amount: Scalars['Rupiah']['output'];
  dueDate: Scalars['LocalDate']['output'];
  number: Scalars['Int']['output'];
};

export type Notification = {
  __typename?: 'Notification';
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  data?: Maybe<Scalars['JSONObject']['output']>;
  id: Scalars['ID']['output'];
  /** Where in the app it leads */
  link?: Maybe<Scalars['String']['output']>;
  readAt?: Maybe<Scalars['DateTimeISO']['output']>;
  title: Scalars['String']['output'];
  /** e.g. INSTALLMENT_OVERDUE, SPK_CONFIRMED */
  type: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type NotificationDelivery = {
  __typename?: 'NotificationDelivery';
  attempts: Scalars['Int']['output'];
  channel: Channel;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  nextAttemptAt?: Maybe<Scalars['DateTimeISO']['output']>;
  providerMessageId?: Maybe<Scalars['String']['output']>;
  sentAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: DeliveryStatus;
  /** Email address or E.164 phone */
  target: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type NotificationDeliveryPage = {
  __typename?: 'NotificationDeliveryPage';
  items: Array<NotificationDelivery>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type NotificationPage = {
  __typename?: 'NotificationPage';
  items: Array<Notification>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type Order = {
  __typename?: 'Order';
  /** State transitions the order allows now (the caller’s role may allow fewer) */
  allowedActions: Array<OrderAction>;
  /** The staff member handling the order */
  assignedTo?: Maybe<Assignee>;
  cancelReason?: Maybe<Scalars['String']['output']>;
  /** What happens when the last installment is paid, per product of the order (ownership, renewal) */
  contractEndTerms: Array<Scalars['String']['output']>;
  contractRequests: Array<ContractRequest>;
  createdAt: Scalars['DateTimeISO']['output'];
  customer: User;
  customerEmail: Scalars['String']['output'];
  customerName: Scalars['String']['output'];
  /** E.164 */
  customerPhone: Scalars['String']['output'];
  /** The first payment itemised: down payment, setup and admin fees */
  firstPayment?: Maybe<FirstPaymentBreakdown>;
  /** A second chance after an unsuspension: pay by this date */
  graceUntil?: Maybe<Scalars['LocalDate']['output']>;
  id: Scalars['ID']['output'];
  installments: Array<Installment>;
  items: Array<OrderItem>;
  /** When the customer was last told about arrears (reminder or admin notice) */
  lastOverdueNoticeAt?: Maybe<Scalars['DateTimeISO']['output']>;
  notes?: Maybe<Scalars['String']['output']>;
  /** Human-readable number, e.g. ORD-202611-000123 */
  number: Scalars['String']['output'];
  payments: Array<Payment>;
  /** Restructurings of this order, oldest first */
  restructurings: Array<Restructuring>;
  /** Why no service can be created for this order now (SPK not confirmed, down payment open), in the reader's language; null when it can */
  serviceBlockedReason?: Maybe<Scalars['String']['output']>;
  services: Array<Service>;
  /** The current (not cancelled) SPK, if any */
  spk?: Maybe<Spk>;
  spkConfirmedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** "SPK belum diconfirm admin" until the SPK is confirmed (in the reader's language: the gate's own message) */
  spkNotice?: Maybe<Scalars['String']['output']>;
  /** Installment 0 is due on this date; the monthly ones on its day of the month */
  startDate: Scalars['LocalDate']['output'];
  status: OrderStatus;
  summary: OrderSummary;
  /** Everything the customer pays: prices, fees and margin */
  totalPrice: Scalars['Rupiah']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  /** PPN terms as sold: rateBps, baseNumerator/baseDenominator (DPP nilai lain), pricesIncludeVat */
  vatTerms?: Maybe<Scalars['JSONObject']['output']>;
  /** The order's own fixed virtual account (from SPK confirmation); transfers of any amount into it are applied automatically */
  virtualAccount?: Maybe<VirtualAccount>;
};

export const OrderAction = {
  Activate: 'ACTIVATE',
  Cancel: 'CANCEL',
  Complete: 'COMPLETE',
  ConfirmSpk: 'CONFIRM_SPK',
  Reopen: 'REOPEN',
  ResetSpk: 'RESET_SPK',
  RevertDownPayment: 'REVERT_DOWN_PAYMENT',
  StartSpk: 'START_SPK',
  Suspend: 'SUSPEND',
  Unsuspend: 'UNSUSPEND'
} as const;

export type OrderAction = typeof OrderAction[keyof typeof OrderAction];
export type OrderFilter = {
  assignedTo?: InputMaybe<Scalars['ID']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only orders with an installment past its due date and unpaid */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** Order number, customer name, phone or email */
  q?: InputMaybe<Scalars['String']['input']>;
  /** Orders whose second chance (pay-until date after an unsuspension) ends within this many days from today, arrears still unpaid */
  secondChanceEndsWithinDays?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<OrderStatus>>;
  /** true: orders nobody is assigned to */
  unassigned?: InputMaybe<Scalars['Boolean']['input']>;
};

export type OrderItem = {
  __typename?: 'OrderItem';
  cashPrice: Scalars['Rupiah']['output'];
  category: ProductCategory;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  /** Plan terms as sold (amounts as strings of rupiah) */
  planTerms: Scalars['JSONObject']['output'];
  /** 1-based position within the order */
  position: Scalars['Int']['output'];
  productName: Scalars['String']['output'];
  setupFee: Scalars['Rupiah']['output'];
  /** Specs as sold */
  specs: Scalars['JSONObject']['output'];
  /** This unit’s share of the order total */
  totalPrice: Scalars['Rupiah']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type OrderPage = {
  __typename?: 'OrderPage';
  items: Array<Order>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export const OrderStatus = {
  Active: 'ACTIVE',
  AwaitingDownPayment: 'AWAITING_DOWN_PAYMENT',
  AwaitingSpk: 'AWAITING_SPK',
  Cancelled: 'CANCELLED',
  Completed: 'COMPLETED',
  SpkInProgress: 'SPK_IN_PROGRESS',
  Suspended: 'SUSPENDED'
} as const;

export type OrderStatus = typeof OrderStatus[keyof typeof OrderStatus];
/** Derived from the installments at today’s date in Asia/Jakarta */
export type OrderSummary = {
  __typename?: 'OrderSummary';
  /** Overdue principal plus unpaid late fees */
  arrearsAmount: Scalars['Rupiah']['output'];
  installmentsCount: Scalars['Int']['output'];
  nextDue?: Maybe<NextDue>;
  outstandingAmount: Scalars['Rupiah']['output'];
  overdueCount: Scalars['Int']['output'];
  paidAmount: Scalars['Rupiah']['output'];
  paidCount: Scalars['Int']['output'];
  remainingCount: Scalars['Int']['output'];
};

/** Installments past their due date (Asia/Jakarta) with something unpaid */
export type OverdueFigures = {
  __typename?: 'OverdueFigures';
  /** Arrears: unpaid amounts plus unpaid late fees */
  amount: Scalars['Rupiah']['output'];
  installments: Scalars['Int']['output'];
  orders: Scalars['Int']['output'];
};

export type OverdueNoticeResult = {
  __typename?: 'OverdueNoticeResult';
  arrearsAmount: Scalars['Rupiah']['output'];
  daysLate: Scalars['Int']['output'];
  notification: Notification;
  /** wa.me click-to-chat link with a prefilled Indonesian message, for a personal chat */
  waLink: Scalars['String']['output'];
};

export type Payment = {
  __typename?: 'Payment';
  allocations: Array<PaymentAllocation>;
  /** What the caller may do to the payment now */
  allowedActions: Array<PaymentAction>;
  amount: Scalars['Rupiah']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  expiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  kind: PaymentKind;
  method: PaymentMethod;
  order: Order;
  orderId: Scalars['ID']['output'];
  /** PUT the proof bytes here (JPEG, PNG or PDF, max 5 MB) with the bearer token */
  proofUploadUrl?: Maybe<Scalars['String']['output']>;
  /** Authorized download of the transfer proof */
  proofUrl?: Maybe<Scalars['String']['output']>;
  /** sandbox, midtrans or xendit */
  provider?: Maybe<Scalars['String']['output']>;
  providerReference?: Maybe<Scalars['String']['output']>;
  /** QRIS: the code to scan (EMVCo payload) */
  qrString?: Maybe<Scalars['String']['output']>;
  /** Authorized download of the receipt (kwitansi) PDF, once settled (CONFLICT until the receipts job has made it) */
  receiptUrl?: Maybe<Scalars['String']['output']>;
  /** Where the customer pays online */
  redirectUrl?: Maybe<Scalars['String']['output']>;
  /** Our reference, sent to the gateway as its order id */
  reference: Scalars['String']['output'];
  rejectionReason?: Maybe<Scalars['String']['output']>;
  settledAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: PaymentStatus;
  /** What the customer sends: amount plus the unique code (BANK_TRANSFER); the amount otherwise */
  transferAmount: Scalars['Rupiah']['output'];
  /** BANK_TRANSFER: the three-digit code added to the amount so the bank statement line names this payment (0 otherwise) */
  uniqueCode: Scalars['Rupiah']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  verifiedAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

export const PaymentAction = {
  Expire: 'EXPIRE',
  Refund: 'REFUND',
  Reject: 'REJECT',
  Settle: 'SETTLE'
} as const;

export type PaymentAction = typeof PaymentAction[keyof typeof PaymentAction];
export type PaymentAllocation = {
  __typename?: 'PaymentAllocation';
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  installmentId: Scalars['ID']['output'];
  installmentNumber: Scalars['Int']['output'];
  lateFee: Scalars['Rupiah']['output'];
  principal: Scalars['Rupiah']['output'];
  reversedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type PaymentAnomaly = {
  __typename?: 'PaymentAnomaly';
  createdAt: Scalars['DateTimeISO']['output'];
  details: Scalars['JSONObject']['output'];
  expected?: Maybe<Scalars['Rupiah']['output']>;
  id: Scalars['ID']['output'];
  kind: AnomalyKind;
  provider: Scalars['String']['output'];
  received: Scalars['Rupiah']['output'];
  reference: Scalars['String']['output'];
  resolution?: Maybe<Scalars['String']['output']>;
  resolvedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type PaymentAnomalyPage = {
  __typename?: 'PaymentAnomalyPage';
  items: Array<PaymentAnomaly>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type PaymentFilter = {
  /** Bank transfers with a proof uploaded, waiting for FINANCE */
  awaitingVerification?: InputMaybe<Scalars['Boolean']['input']>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  method?: InputMaybe<PaymentMethod>;
  orderId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Array<PaymentStatus>>;
};

/** PAYOFF (pelunasan) pays everything still open in one payment */
export const PaymentKind = {
  Installments: 'INSTALLMENTS',
  Payoff: 'PAYOFF'
} as const;

export type PaymentKind = typeof PaymentKind[keyof typeof PaymentKind];
/** BANK_TRANSFER: transfer of a unique amount, matched from the bank statement or verified by FINANCE from a proof; GATEWAY: online (Midtrans, Xendit or the sandbox); QRIS: a QR code through the gateway, up to QRIS_MAX_AMOUNT; VIRTUAL_ACCOUNT: money that arrived in the order's own virtual account (made by the gateway's callback, never by createPayment) */
export const PaymentMethod = {
  BankTransfer: 'BANK_TRANSFER',
  Gateway: 'GATEWAY',
  Qris: 'QRIS',
  VirtualAccount: 'VIRTUAL_ACCOUNT'
} as const;

export type PaymentMethod = typeof PaymentMethod[keyof typeof PaymentMethod];
export type PaymentPage = {
  __typename?: 'PaymentPage';
  items: Array<Payment>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export const PaymentStatus = {
  Expired: 'EXPIRED',
  Pending: 'PENDING',
  Refunded: 'REFUNDED',
  Rejected: 'REJECTED',
  Settled: 'SETTLED'
} as const;

export type PaymentStatus = typeof PaymentStatus[keyof typeof PaymentStatus];
export type PlanFilter = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  productId?: InputMaybe<Scalars['ID']['input']>;
};

export type PlanTermsInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  adminFee?: InputMaybe<Scalars['Rupiah']['input']>;
  autoSuspendAfterDays?: InputMaybe<Scalars['Int']['input']>;
  downPaymentType?: InputMaybe<DownPaymentType>;
  /** Basis points when PERCENT (0-9000), rupiah when FIXED */
  downPaymentValue?: InputMaybe<Scalars['Rupiah']['input']>;
  lateFeeCap?: InputMaybe<Scalars['Rupiah']['input']>;
  lateFeeGraceDays?: InputMaybe<Scalars['Int']['input']>;
  lateFeeType?: InputMaybe<LateFeeType>;
  /** Rupiah a day, or basis points a day (0-1000) when PERCENT_PER_DAY */
  lateFeeValue?: InputMaybe<Scalars['Rupiah']['input']>;
  marginBpsPerMonth?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  tenorMonths?: InputMaybe<Scalars['Int']['input']>;
};

/** What a driver can do to a running server */
export const PowerAction = {
  Reboot: 'REBOOT',
  Start: 'START',
  Stop: 'STOP'
} as const;

export type PowerAction = typeof PowerAction[keyof typeof PowerAction];
export type PrivacyAnswerInput = {
  /** What was done, or why the request is refused; the customer reads it */
  text: Scalars['String']['input'];
};

export type PrivacyRequest = {
  __typename?: 'PrivacyRequest';
  createdAt: Scalars['DateTimeISO']['output'];
  customer: User;
  /** The customer's words: what is wrong and what it should say, or why to erase */
  details?: Maybe<Scalars['String']['output']>;
  /** createdAt + 72 hours (3 x 24 jam) */
  dueAt: Scalars['DateTimeISO']['output'];
  handledAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  /** For a completed erasure: what was kept and why */
  kept?: Maybe<Array<KeptRecord>>;
  kind: PrivacyRequestKind;
  /** Open past its deadline */
  overdue: Scalars['Boolean']['output'];
  /** What staff did, or why the request was refused */
  resolution?: Maybe<Scalars['String']['output']>;
  status: PrivacyRequestStatus;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type PrivacyRequestFilter = {
  ids?: InputMaybe<Array<Scalars['String']['input']>>;
  kind?: InputMaybe<PrivacyRequestKind>;
  /** true: open past the 3 x 24-hour deadline */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<PrivacyRequestStatus>;
};

export type PrivacyRequestInput = {
  /** What is wrong and what it should say (correction), or why (erasure) */
  details?: InputMaybe<Scalars['String']['input']>;
  kind: PrivacyRequestKind;
};

/** CORRECTION (perbaikan) or ERASURE (penghapusan) of personal data */
export const PrivacyRequestKind = {
  Correction: 'CORRECTION',
  Erasure: 'ERASURE'
} as const;

export type PrivacyRequestKind = typeof PrivacyRequestKind[keyof typeof PrivacyRequestKind];
export type PrivacyRequestPage = {
  __typename?: 'PrivacyRequestPage';
  items: Array<PrivacyRequest>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export const PrivacyRequestStatus = {
  Completed: 'COMPLETED',
  Open: 'OPEN',
  Rejected: 'REJECTED'
} as const;

export type PrivacyRequestStatus = typeof PrivacyRequestStatus[keyof typeof PrivacyRequestStatus];
export type Product = {
  __typename?: 'Product';
  active: Scalars['Boolean']['output'];
  /** Cash price per unit (harga tunai) */
  cashPrice: Scalars['Rupiah']['output'];
  category: ProductCategory;
  /** What happens when the last installment is paid: ownership, renewal (shown to the customer) */
  contractEndTerms?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Installment plans; the public sees active ones */
  plans: Array<InstallmentPlan>;
  /** Whether cash price and setup fee already include PPN (VAT); if not, PPN is added per installment */
  pricesIncludeVat: Scalars['Boolean']['output'];
  setupFee: Scalars['Rupiah']['output'];
  slug: Scalars['String']['output'];
  specs: ProductSpecs;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export const ProductCategory = {
  CloudServer: 'CLOUD_SERVER',
  Colocation: 'COLOCATION',
  DedicatedServer: 'DEDICATED_SERVER',
  Vps: 'VPS'
} as const;

export type ProductCategory = typeof ProductCategory[keyof typeof ProductCategory];
export type ProductFilter = {
  /** Staff only; the public sees active products */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  category?: InputMaybe<ProductCategory>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  q?: InputMaybe<Scalars['String']['input']>;
};

export type ProductPage = {
  __typename?: 'ProductPage';
  items: Array<Product>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type ProductSpecs = {
  __typename?: 'ProductSpecs';
  /** e.g. "Unmetered 1 Gbps" or "2 TB/bulan" */
  bandwidth?: Maybe<Scalars['String']['output']>;
  /** e.g. "4 vCPU" or "Intel Xeon E-2388G 8C/16T" */
  cpu?: Maybe<Scalars['String']['output']>;
  ipv4Count?: Maybe<Scalars['Int']['output']>;
  /** Colocation: power allowance in watts */
  powerWatts?: Maybe<Scalars['Int']['output']>;
  /** Colocation: rack units (U) */
  rackUnits?: Maybe<Scalars['Int']['output']>;
  ramGb?: Maybe<Scalars['Int']['output']>;
  storageGb?: Maybe<Scalars['Int']['output']>;
  /** e.g. NVMe SSD, SATA SSD, HDD */
  storageType?: Maybe<Scalars['String']['output']>;
};

export type ProductSpecsInput = {
  bandwidth?: InputMaybe<Scalars['String']['input']>;
  cpu?: InputMaybe<Scalars['String']['input']>;
  ipv4Count?: InputMaybe<Scalars['Int']['input']>;
  powerWatts?: InputMaybe<Scalars['Int']['input']>;
  rackUnits?: InputMaybe<Scalars['Int']['input']>;
  ramGb?: InputMaybe<Scalars['Int']['input']>;
  storageGb?: InputMaybe<Scalars['Int']['input']>;
  storageType?: InputMaybe<Scalars['String']['input']>;
};

export type ProfileInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  company?: InputMaybe<Scalars['String']['input']>;
  companyAddress?: InputMaybe<Scalars['String']['input']>;
  companyTitle?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  fullName?: InputMaybe<Scalars['String']['input']>;
  locale?: InputMaybe<Locale>;
  nik?: InputMaybe<Scalars['String']['input']>;
  /** NITKU, 22 digits: companies (NPWP + place-of-business code) */
  nitku?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  notifyByEmail?: InputMaybe<Scalars['Boolean']['input']>;
  notifyByWhatsApp?: InputMaybe<Scalars['Boolean']['input']>;
  /** NPWP, 16 digits (for individuals the NIK); without it the customer gets receipts only */
  npwp?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type ProviderOtpInput = {
  /** The OTP the provider sent to the customer */
  otp: Scalars['String']['input'];
};

/** Where the customer’s certified electronic signature (PSrE) stands */
export const ProviderSigningState = {
  AwaitingSigner: 'AWAITING_SIGNER',
  Failed: 'FAILED',
  OtpRequired: 'OTP_REQUIRED',
  Signed: 'SIGNED',
  Starting: 'STARTING'
} as const;

export type ProviderSigningState = typeof ProviderSigningState[keyof typeof ProviderSigningState];
/** Whether the real server matches the status: PENDING/FAILED are retried by a job; WAITING_FOR_STAFF is a manual task */
export const ProvisioningState = {
  Failed: 'FAILED',
  InSync: 'IN_SYNC',
  Pending: 'PENDING',
  WaitingForStaff: 'WAITING_FOR_STAFF'
} as const;

export type ProvisioningState = typeof ProvisioningState[keyof typeof ProvisioningState];
export type Query = {
  __typename?: 'Query';
  /** What is due now on the order (the default amount of createPayment) */
  amountDue: Scalars['Rupiah']['output'];
  /** Who did what, newest first by default. */
  auditLog: AuditLogPage;
  /** Staff only. Figures computed in the database at request time */
  dashboard: Dashboard;
  installmentPlan: InstallmentPlan;
  installmentPlans: InstallmentPlanPage;
  /** Full schedule preview for buying `quantity` units of a product on a plan. */
  installmentQuote: InstallmentQuote;
  /** Installments across orders (staff). Sort: dueDate (default), amount, status, number */
  installments: InstallmentPage;
  me: User;
  myCart: Array<CartItem>;
  /** The caller’s notifications, newest first by default */
  myNotifications: NotificationPage;
  /** The caller’s own orders. */
  myOrders: OrderPage;
  myPrivacyRequests: Array<PrivacyRequest>;
  myServices: Array<Service>;
  /** The outbox: email and WhatsApp deliveries with their status and errors */
  notificationDeliveries: NotificationDeliveryPage;
  order: Order;
  /** The order's history in time order: its own, its SPKs', payments' and services' audit entries and the notices sent about it, as sentences. The order's customer sees the entries meant for them; staff see all. */
  orderTimeline: Array<HistoryEntry>;
  orders: OrderPage;
  /** Operating systems a VPS or Cloud Server can be created with */
  osTemplates: Array<Scalars['String']['output']>;
  payment: Payment;
  /** Money that arrived but was not applied */
  paymentAnomalies: PaymentAnomalyPage;
  payments: PaymentPage;
  /** Early payoff (pelunasan): everything still open on the order */
  payoffQuote: Scalars['Rupiah']['output'];
  /** What the billing pass for `date` (any date, also a later one) would do; writes and sends nothing */
  previewBillingPass: BillingPassSummary;
  privacyRequest: PrivacyRequest;
  /** The staff queue, soonest deadline first */
  privacyRequests: PrivacyRequestPage;
  product: Product;
  /** The catalog. Public; staff also see inactive products. */
  products: ProductPage;
  service: Service;
  services: ServicePage;
  spk: Spk;
  spks: SpkPage;
  staffTasks: StaffTaskPage;
  /** FINANCE: the stamp-duty ledger (every e-Meterai used), by month, document and bearer. */
  stampDutyLedger: StampDutyUsePage;
  /** FINANCE: the month’s stamp duty by document and bearer, and the quota opening/purchased/used/closing. */
  stampDutyReport: StampDutyReport;
  /** FINANCE: the e-Meterai quota bought, used and remaining. */
  stampQuota: StampQuota;
  /** FINANCE: e-Meterai quota purchases, newest first. */
  stampQuotaPurchases: Array<StampQuotaPurchase>;
  /** FINANCE: imported statement credits, by default those still to reconcile */
  statementLines: StatementLinePage;
  /** FINANCE: tax invoices (Faktur Pajak) and return notes, by period and status. */
  taxInvoices: TaxInvoicePage;
  unreadCount: Scalars['Int']['output'];
  user: User;
  users: UserPage;
};


export type QueryAmountDueArgs = {
  date?: InputMaybe<Scalars['LocalDate']['input']>;
  orderId: Scalars['ID']['input'];
};


export type QueryAuditLogArgs = {
  filter?: InputMaybe<AuditFilter>;
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
};


export type QueryInstallmentPlanArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInstallmentPlansArgs = {
  filter?: InputMaybe<PlanFilter>;
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
};


export type QueryInstallmentQuoteArgs = {
  planId: Scalars['ID']['input'];
  productId: Scalars['ID']['input'];
  quantity?: Scalars['Int']['input'];
  startDate?: InputMaybe<Scalars['LocalDate']['input']>;
};


export type QueryInstallmentsArgs = {
  filter?: InputMaybe<InstallmentFilter>;
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
};


export type QueryMyNotificationsArgs = {
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
  unreadOnly?: Scalars['Boolean']['input'];
};


export type QueryMyOrdersArgs = {
  filter?: InputMaybe<OrderFilter>;
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
};


export type QueryNotificationDeliveriesArgs = {
  filter?: InputMaybe<DeliveryFilter>;
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrderTimelineArgs = {
  orderId: Scalars['ID']['input'];
};


export type QueryOrdersArgs = {
  filter?: InputMaybe<OrderFilter>;
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPaymentAnomaliesArgs = {
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
  unresolved?: Scalars['Boolean']['input'];
};


export type QueryPaymentsArgs = {
  filter?: InputMaybe<PaymentFilter>;
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
};


export type QueryPayoffQuoteArgs = {
  orderId: Scalars['ID']['input'];
};


export type QueryPreviewBillingPassArgs = {
  date?: InputMaybe<Scalars['LocalDate']['input']>;
};


export type QueryPrivacyRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPrivacyRequestsArgs = {
  filter?: InputMaybe<PrivacyRequestFilter>;
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
};


export type QueryProductArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type QueryProductsArgs = {
  filter?: InputMaybe<ProductFilter>;
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
};


export type QueryServiceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryServicesArgs = {
  filter?: InputMaybe<ServiceFilter>;
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
};


export type QuerySpkArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySpksArgs = {
  filter?: InputMaybe<SpkFilter>;
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
};


export type QueryStaffTasksArgs = {
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
  status?: InputMaybe<StaffTaskStatus>;
};


export type QueryStampDutyLedgerArgs = {
  filter?: InputMaybe<StampDutyFilter>;
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
};


export type QueryStampDutyReportArgs = {
  month: Scalars['String']['input'];
};


export type QueryStatementLinesArgs = {
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
  status?: InputMaybe<StatementLineStatus>;
};


export type QueryTaxInvoicesArgs = {
  filter?: InputMaybe<TaxInvoiceFilter>;
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  filter?: InputMaybe<UserFilter>;
  page?: Scalars['Int']['input'];
  perPage?: Scalars['Int']['input'];
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
};

export type QuoteLine = {
  __typename?: 'QuoteLine';
  amount: Scalars['Rupiah']['output'];
  dueDate: Scalars['LocalDate']['output'];
  fees: Scalars['Rupiah']['output'];
  margin: Scalars['Rupiah']['output'];
  /** 0 = down payment with setup and admin fees; 1..N monthly installments */
  number: Scalars['Int']['output'];
  /** DPP nilai lain */
  otherTaxBase: Scalars['Rupiah']['output'];
  principal: Scalars['Rupiah']['output'];
  /** Harga jual (without PPN) */
  taxBase: Scalars['Rupiah']['output'];
  /** PPN in this installment (included in amount) */
  vat: Scalars['Rupiah']['output'];
};

export type ReasonInput = {
  reason: Scalars['String']['input'];
};

/** Everything still owed on orders that owe money now (SPK confirmed, not closed) */
export type ReceivablesFigures = {
  __typename?: 'ReceivablesFigures';
  amount: Scalars['Rupiah']['output'];
  installments: Scalars['Int']['output'];
  orders: Scalars['Int']['output'];
};

/** A record a history sentence names (and the app links to) */
export const RecordKind = {
  Customer: 'CUSTOMER',
  Order: 'ORDER',
  Payment: 'PAYMENT',
  Plan: 'PLAN',
  Product: 'PRODUCT',
  Service: 'SERVICE',
  Spk: 'SPK',
  Staff: 'STAFF',
  TaxInvoice: 'TAX_INVOICE'
} as const;

export type RecordKind = typeof RecordKind[keyof typeof RecordKind];
export type RegisterInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  company?: InputMaybe<Scalars['String']['input']>;
  email: Scalars['String']['input'];
  fullName: Scalars['String']['input'];
  nik?: InputMaybe<Scalars['String']['input']>;
  password: Scalars['String']['input'];
  /** 08..., +62... or 62...; stored as E.164 */
  phone: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

export type RequestPasswordResetInput = {
  email: Scalars['String']['input'];
};

export type ResetPasswordInput = {
  newPassword: Scalars['String']['input'];
  /** The token from the e-mailed link */
  token: Scalars['String']['input'];
};

export type ResolutionInput = {
  /** What was done with the money (refunded, applied by hand, ...) */
  resolution: Scalars['String']['input'];
};

export type RestructureInput = {
  /** First new due date (default today) */
  firstDueDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** true: unpaid late fees move into the new schedule; false: they are waived */
  includeLateFees: Scalars['Boolean']['input'];
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  /** Number of new monthly installments */
  tenorMonths: Scalars['Int']['input'];
};

export type Restructuring = {
  __typename?: 'Restructuring';
  /** The SPK addendum the customer approves and signs */
  addendum?: Maybe<Spk>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** The first new installment falls due on this date */
  firstDueDate: Scalars['LocalDate']['output'];
  id: Scalars['ID']['output'];
  /** Unpaid late fees moved into the new schedule (0 when waived) */
  lateFeesCarried: Scalars['Rupiah']['output'];
  /** Unpaid late fees waived by the decision */
  lateFeesWaived: Scalars['Rupiah']['output'];
  /** The old lines as they were (amounts as strings of rupiah) */
  oldLines: Array<Scalars['JSONObject']['output']>;
  /** Unpaid installment amounts moved into the new schedule */
  openAmount: Scalars['Rupiah']['output'];
  reason: Scalars['String']['output'];
  /** 1 for the first restructuring of the order, 2 for the next… */
  round: Scalars['Int']['output'];
  tenorMonths: Scalars['Int']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

/** CUSTOMER buys; ADMIN may do everything; FINANCE handles payments; SUPPORT handles orders, SPK and services. */
export const Role = {
  Admin: 'ADMIN',
  Customer: 'CUSTOMER',
  Finance: 'FINANCE',
  Support: 'SUPPORT'
} as const;

export type Role = typeof Role[keyof typeof Role];
/** TOTP: send a code from the authenticator (or a recovery code) to verifyTwoFactorLogin; ENROL: the role must use two-factor sign-in, set it up with the token first */
export const SecondStep = {
  Enrol: 'ENROL',
  Totp: 'TOTP'
} as const;

export type SecondStep = typeof SecondStep[keyof typeof SecondStep];
/** A piece of a history sentence: plain text, or the name of a record with its kind and id for a link */
export type SentencePart = {
  __typename?: 'SentencePart';
  kind?: Maybe<RecordKind>;
  refId?: Maybe<Scalars['ID']['output']>;
  text: Scalars['String']['output'];
};

export type Service = {
  __typename?: 'Service';
  /** What the caller may do to the service now */
  allowedActions: Array<ServiceAction>;
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** Asks the driver (one call per service): only on pages that show one or a few */
  details?: Maybe<ServiceDetails>;
  /** local, manual or proxmox */
  driver: Scalars['String']['output'];
  externalRef?: Maybe<Scalars['String']['output']>;
  /** Where the local driver serves the hosting page */
  hostingUrl: Scalars['String']['output'];
  hostname?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** DNS-safe name; the local driver serves /hosting/<label> */
  label: Scalars['String']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  orderId: Scalars['ID']['output'];
  orderItemId: Scalars['ID']['output'];
  osTemplate?: Maybe<Scalars['String']['output']>;
  pendingAction?: Maybe<Scalars['String']['output']>;
  /** Power actions possible now (none unless active) */
  powerActions: Array<PowerAction>;
  provisioning: ProvisioningState;
  status: ServiceStatus;
  suspensionCause?: Maybe<SuspensionCause>;
  suspensionHistory: Array<SuspensionEvent>;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type ServiceAccessLine = {
  __typename?: 'ServiceAccessLine';
  label: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export const ServiceAction = {
  Activate: 'ACTIVATE',
  Suspend: 'SUSPEND',
  Terminate: 'TERMINATE',
  Unsuspend: 'UNSUSPEND'
} as const;

export type ServiceAction = typeof ServiceAction[keyof typeof ServiceAction];
/** The running server as its driver reports it */
export type ServiceDetails = {
  __typename?: 'ServiceDetails';
  access: Array<ServiceAccessLine>;
  /** The provider console, where the driver has one */
  consoleUrl?: Maybe<Scalars['String']['output']>;
  ipAddresses: Array<Scalars['String']['output']>;
  /** running, stopped, paused or unknown */
  power: Scalars['String']['output'];
  /** Why the driver could not answer just now */
  unavailable?: Maybe<Scalars['String']['output']>;
};

export type ServiceFilter = {
  /** Driver failures waiting for a retry */
  failing?: InputMaybe<Scalars['Boolean']['input']>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  orderId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Array<ServiceStatus>>;
};

export type ServicePage = {
  __typename?: 'ServicePage';
  items: Array<Service>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export const ServiceStatus = {
  Active: 'ACTIVE',
  PendingSetup: 'PENDING_SETUP',
  Suspended: 'SUSPENDED',
  Terminated: 'TERMINATED'
} as const;

export type ServiceStatus = typeof ServiceStatus[keyof typeof ServiceStatus];
export const SortOrder = {
  Asc: 'ASC',
  Desc: 'DESC'
} as const;

export type SortOrder = typeof SortOrder[keyof typeof SortOrder];
export type Spk = {
  __typename?: 'Spk';
  /** Set on an addendum (restructuring round 1, 2…); null on the order’s first SPK */
  addendumRound?: Maybe<Scalars['Int']['output']>;
  /** What the caller may do now */
  allowedActions: Array<SpkAction>;
  /** When the customer approved the draft; signing needs it */
  approvedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  confirmedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  currentVersion: Scalars['Int']['output'];
  customer: User;
  /** Printed on every page and in the QR; opens /verify/<code> */
  documentCode: Scalars['String']['output'];
  /** Authorized download of the current version */
  downloadUrl: Scalars['String']['output'];
  /** Every transition: who, when, from, to, why */
  history: Array<SpkEvent>;
  id: Scalars['ID']['output'];
  /** SPK/2026/11/000123: unique, gap-free per month */
  number: Scalars['String']['output'];
  order: Order;
  orderId: Scalars['ID']['output'];
  /** The customer’s latest signature attempt through the certified provider (PSrE) */
  providerSigning?: Maybe<SpkProviderSigning>;
  rejectionReason?: Maybe<Scalars['String']['output']>;
  /** The customer’s latest requested changes */
  revisionComments?: Maybe<Scalars['String']['output']>;
  /** The configured certified signature provider (sandbox | privy); null when the electronic route is off */
  signatureProvider?: Maybe<Scalars['String']['output']>;
  /** Bea meterai paid for this SPK */
  stampDuty?: Maybe<Scalars['Rupiah']['output']>;
  stampProvider?: Maybe<Scalars['String']['output']>;
  stampSerial?: Maybe<Scalars['String']['output']>;
  status: SpkStatus;
  updatedAt: Scalars['DateTimeISO']['output'];
  verifyUrl: Scalars['String']['output'];
  versions: Array<SpkVersion>;
  /** Whose move it is: STAFF or CUSTOMER; null once confirmed or cancelled */
  waitingFor?: Maybe<SpkParty>;
};

export const SpkAction = {
  Approve: 'APPROVE',
  Cancel: 'CANCEL',
  Confirm: 'CONFIRM',
  RejectSignature: 'REJECT_SIGNATURE',
  RequestRevision: 'REQUEST_REVISION',
  Revise: 'REVISE',
  Sign: 'SIGN',
  SubmitForReview: 'SUBMIT_FOR_REVIEW',
  UploadSigned: 'UPLOAD_SIGNED'
} as const;

export type SpkAction = typeof SpkAction[keyof typeof SpkAction];
export type SpkAwaitingStaff = {
  __typename?: 'SpkAwaitingStaff';
  customerName: Scalars['String']['output'];
  number: Scalars['String']['output'];
  orderId: Scalars['ID']['output'];
  orderNumber: Scalars['String']['output'];
  /** When the SPK entered its current status */
  since: Scalars['DateTimeISO']['output'];
  spkId: Scalars['ID']['output'];
  status: SpkStatus;
};

export type SpkEvent = {
  __typename?: 'SpkEvent';
  /** CREATE or an SpkAction */
  action: Scalars['String']['output'];
  actor?: Maybe<User>;
  actorRole?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTimeISO']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  fromStatus?: Maybe<SpkStatus>;
  id: Scalars['ID']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  toStatus: SpkStatus;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type SpkFilter = {
  customerId?: InputMaybe<Scalars['ID']['input']>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  orderId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Array<SpkStatus>>;
};

export type SpkNoteInput = {
  note?: InputMaybe<Scalars['String']['input']>;
};

export type SpkPage = {
  __typename?: 'SpkPage';
  items: Array<Spk>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** Whose move it is on an SPK */
export const SpkParty = {
  Customer: 'CUSTOMER',
  Staff: 'STAFF'
} as const;

export type SpkParty = typeof SpkParty[keyof typeof SpkParty];
/** The customer’s signature through the certified provider (PSrE) */
export type SpkProviderSigning = {
  __typename?: 'SpkProviderSigning';
  /** The admin-signed version that was sent to the provider */
  adminSignedVersion: Scalars['Int']['output'];
  /** Callbacks received (a provider may repeat them) */
  callbacks: Scalars['Int']['output'];
  completedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  failureReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** sandbox | privy */
  provider: Scalars['String']['output'];
  /** The provider’s reference (Privy docToken); none while STARTING or when the provider refused to start */
  reference?: Maybe<Scalars['String']['output']>;
  /** Sandbox only: the OTP it "sent", shown to the customer it is for (never to staff) */
  sandboxOtp?: Maybe<Scalars['String']['output']>;
  /** The SPK version holding the certified copy */
  signedVersion?: Maybe<Scalars['Int']['output']>;
  /** Where the customer signs at the provider (providers with their own signing page) */
  signingUrl?: Maybe<Scalars['String']['output']>;
  state: ProviderSigningState;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type SpkQueue = {
  __typename?: 'SpkQueue';
  items: Array<SpkAwaitingStaff>;
  total: Scalars['Int']['output'];
};

export type SpkReasonInput = {
  reason: Scalars['String']['input'];
};

export const SpkStatus = {
  AdminSigned: 'ADMIN_SIGNED',
  Approved: 'APPROVED',
  Cancelled: 'CANCELLED',
  Confirmed: 'CONFIRMED',
  CustomerSigned: 'CUSTOMER_SIGNED',
  Draft: 'DRAFT',
  RevisionRequested: 'REVISION_REQUESTED',
  SignatureRejected: 'SIGNATURE_REJECTED',
  UnderReview: 'UNDER_REVIEW'
} as const;

export type SpkStatus = typeof SpkStatus[keyof typeof SpkStatus];
export type SpkVersion = {
  __typename?: 'SpkVersion';
  createdAt: Scalars['DateTimeISO']['output'];
  downloadUrl: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: SpkVersionKind;
  note?: Maybe<Scalars['String']['output']>;
  sha256: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  /** For customer uploads: what the server found (document code, derivation, signatures, e-Meterai) */
  verification?: Maybe<Scalars['JSONObject']['output']>;
  version: Scalars['Int']['output'];
};

export const SpkVersionKind = {
  AdminSigned: 'ADMIN_SIGNED',
  CustomerSigned: 'CUSTOMER_SIGNED',
  Draft: 'DRAFT'
} as const;

export type SpkVersionKind = typeof SpkVersionKind[keyof typeof SpkVersionKind];
export type StaffTask = {
  __typename?: 'StaffTask';
  /** create, suspend, unsuspend or terminate (a driver action), or contract (an end-of-contract request) */
  action: Scalars['String']['output'];
  completedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  instructions: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
  /** The order an end-of-contract request is about */
  order?: Maybe<Order>;
  /** The service a driver task is for (none for an end-of-contract request) */
  service?: Maybe<Service>;
  status: StaffTaskStatus;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type StaffTaskPage = {
  __typename?: 'StaffTaskPage';
  items: Array<StaffTask>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export const StaffTaskStatus = {
  Cancelled: 'CANCELLED',
  Done: 'DONE',
  Open: 'OPEN'
} as const;

export type StaffTaskStatus = typeof StaffTaskStatus[keyof typeof StaffTaskStatus];
export const StampDocumentKind = {
  Receipt: 'RECEIPT',
  Spk: 'SPK'
} as const;

export type StampDocumentKind = typeof StampDocumentKind[keyof typeof StampDocumentKind];
export const StampDutyBearer = {
  Company: 'COMPANY',
  Customer: 'CUSTOMER'
} as const;

export type StampDutyBearer = typeof StampDutyBearer[keyof typeof StampDutyBearer];
export type StampDutyFilter = {
  borneBy?: InputMaybe<StampDutyBearer>;
  documentKind?: InputMaybe<StampDocumentKind>;
  /** Month YYYY-MM (Asia/Jakarta) */
  month?: InputMaybe<Scalars['String']['input']>;
};

/** The monthly stamp-duty (Bea Meterai) report */
export type StampDutyReport = {
  __typename?: 'StampDutyReport';
  amount: Scalars['Rupiah']['output'];
  lines: Array<StampDutyReportLine>;
  month: Scalars['String']['output'];
  /** What the month’s purchases cost */
  purchaseCost: Scalars['Rupiah']['output'];
  quotaClosing: Scalars['Int']['output'];
  quotaOpening: Scalars['Int']['output'];
  quotaPurchased: Scalars['Int']['output'];
  /** false: no quota is tracked (STAMP_QUOTA 0 and no purchase recorded) */
  quotaTracked: Scalars['Boolean']['output'];
  quotaUsed: Scalars['Int']['output'];
  stamps: Scalars['Int']['output'];
};

/** Stamps used in a month for one kind of document and one bearer */
export type StampDutyReportLine = {
  __typename?: 'StampDutyReportLine';
  amount: Scalars['Rupiah']['output'];
  borneBy: StampDutyBearer;
  documentKind: StampDocumentKind;
  stamps: Scalars['Int']['output'];
};

export type StampDutyUse = {
  __typename?: 'StampDutyUse';
  amount: Scalars['Rupiah']['output'];
  borneBy: StampDutyBearer;
  chargedInstallmentId?: Maybe<Scalars['String']['output']>;
  chargedInstallmentNumber?: Maybe<Scalars['Int']['output']>;
  chargedOrderId?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  customerId: Scalars['String']['output'];
  documentId: Scalars['String']['output'];
  documentKind: StampDocumentKind;
  documentNumber: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  ordinal: Scalars['Int']['output'];
  provider: Scalars['String']['output'];
  serial?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTimeISO']['output'];
  usedAt: Scalars['DateTimeISO']['output'];
};

export type StampDutyUsePage = {
  __typename?: 'StampDutyUsePage';
  items: Array<StampDutyUse>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** The e-Meterai quota as it stands */
export type StampQuota = {
  __typename?: 'StampQuota';
  /** STAMP_QUOTA plus the recorded purchases */
  bought: Scalars['Int']['output'];
  /** STAMP_QUOTA_LOW: ADMIN is warned when this many remain */
  low: Scalars['Int']['output'];
  /** STAMP_QUOTA: bought before purchases were recorded */
  opening: Scalars['Int']['output'];
  remaining: Scalars['Int']['output'];
  tracked: Scalars['Boolean']['output'];
  used: Scalars['Int']['output'];
};

export type StampQuotaPurchase = {
  __typename?: 'StampQuotaPurchase';
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  pricePerStamp: Scalars['Rupiah']['output'];
  purchasedOn: Scalars['LocalDate']['output'];
  quantity: Scalars['Int']['output'];
  /** The distributor’s invoice or order number */
  reference: Scalars['String']['output'];
  status: StampQuotaPurchaseStatus;
  updatedAt: Scalars['DateTimeISO']['output'];
  voidReason?: Maybe<Scalars['String']['output']>;
};

export type StampQuotaPurchaseInput = {
  /** What the distributor charged per e-Meterai */
  pricePerStamp: Scalars['Rupiah']['input'];
  purchasedOn: Scalars['LocalDate']['input'];
  quantity: Scalars['Int']['input'];
  reference: Scalars['String']['input'];
};

export const StampQuotaPurchaseStatus = {
  Recorded: 'RECORDED',
  Voided: 'VOIDED'
} as const;

export type StampQuotaPurchaseStatus = typeof StampQuotaPurchaseStatus[keyof typeof StampQuotaPurchaseStatus];
export type StartProviderSigningInput = {
  /** The customer’s account at the provider (PrivyID), when the provider needs it */
  providerAccountId?: InputMaybe<Scalars['String']['input']>;
};

/** What one statement import did */
export type StatementImportResult = {
  __typename?: 'StatementImportResult';
  /** Lines already imported before: nothing done */
  duplicates: Scalars['Int']['output'];
  /** New lines (not seen in an earlier import) */
  imported: Scalars['Int']['output'];
  /** Credits read from the file */
  lines: Scalars['Int']['output'];
  /** Settled a pending transfer */
  matched: Scalars['Int']['output'];
  /** Now in the reconciliation list */
  unmatched: Scalars['Int']['output'];
};

export type StatementLinePage = {
  __typename?: 'StatementLinePage';
  items: Array<BankStatementLine>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export const StatementLineStatus = {
  Dismissed: 'DISMISSED',
  Matched: 'MATCHED',
  Unmatched: 'UNMATCHED'
} as const;

export type StatementLineStatus = typeof StatementLineStatus[keyof typeof StatementLineStatus];
/** Which bank export (or the statement-service webhook) a line came from */
export const StatementSource = {
  Bca: 'BCA',
  Bni: 'BNI',
  Bri: 'BRI',
  Mandiri: 'MANDIRI',
  Mt940: 'MT940',
  Webhook: 'WEBHOOK'
} as const;

export type StatementSource = typeof StatementSource[keyof typeof StatementSource];
export type Subscription = {
  __typename?: 'Subscription';
  /** New notifications for the connected user (graphql-ws; token in connectionParams.authorization) */
  notificationAdded: Notification;
  /** Sent when this server may have missed notifications (its database listener reconnected): refetch unreadCount and myNotifications. Value: when it reconnected. */
  notificationsResync: Scalars['DateTimeISO']['output'];
};

export const SuspensionCause = {
  Admin: 'ADMIN',
  CustomerChoice: 'CUSTOMER_CHOICE',
  NonPayment: 'NON_PAYMENT'
} as const;

export type SuspensionCause = typeof SuspensionCause[keyof typeof SuspensionCause];
export type SuspensionEvent = {
  __typename?: 'SuspensionEvent';
  /** SUSPEND or UNSUSPEND */
  action: Scalars['String']['output'];
  actorRole?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTimeISO']['output'];
  cause?: Maybe<SuspensionCause>;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  payUntil?: Maybe<Scalars['LocalDate']['output']>;
  reason?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type TaxInvoice = {
  __typename?: 'TaxInvoice';
  buyerAddress: Scalars['String']['output'];
  buyerEmail?: Maybe<Scalars['String']['output']>;
  /** Buyer NITKU (22 digits) */
  buyerIdtku?: Maybe<Scalars['String']['output']>;
  buyerName: Scalars['String']['output'];
  /** Buyer NPWP (16 digits; the NIK for individuals) */
  buyerTin: Scalars['String']['output'];
  /** Nomor faktur pajak Coretax (17 digits), imported back */
  coretaxNumber?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** What was delivered, e.g. "Cicilan 3/12 ORD-202612-000001: VPS NVMe 4" */
  description: Scalars['String']['output'];
  exportedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  /** Tanggal faktur (Asia/Jakarta): the tax point */
  invoiceDate: Scalars['LocalDate']['output'];
  kind: TaxInvoiceKind;
  numberedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** DPP nilai lain */
  otherTaxBase: Scalars['Rupiah']['output'];
  /** YYYY-MM of the invoice date: the tax period it is reported in */
  period: Scalars['String']['output'];
  /** Our reference (RefDesc in Coretax), e.g. FP-202612-000042 */
  reference: Scalars['String']['output'];
  status: TaxInvoiceStatus;
  /** Harga jual / DPP (without PPN) */
  taxBase: Scalars['Rupiah']['output'];
  /** Coretax transaction code (04 = DPP nilai lain) */
  trxCode: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  vat: Scalars['Rupiah']['output'];
  /** PPN rate in basis points (1200 = 12 %) */
  vatRateBps: Scalars['Int']['output'];
};

export type TaxInvoiceFilter = {
  kind?: InputMaybe<TaxInvoiceKind>;
  orderId?: InputMaybe<Scalars['ID']['input']>;
  /** Tax period YYYY-MM */
  period?: InputMaybe<Scalars['String']['input']>;
  q?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Array<TaxInvoiceStatus>>;
};

export const TaxInvoiceKind = {
  Normal: 'NORMAL',
  Return: 'RETURN'
} as const;

export type TaxInvoiceKind = typeof TaxInvoiceKind[keyof typeof TaxInvoiceKind];
export type TaxInvoicePage = {
  __typename?: 'TaxInvoicePage';
  items: Array<TaxInvoice>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export const TaxInvoiceStatus = {
  Cancelled: 'CANCELLED',
  Draft: 'DRAFT',
  Exported: 'EXPORTED',
  Numbered: 'NUMBERED'
} as const;

export type TaxInvoiceStatus = typeof TaxInvoiceStatus[keyof typeof TaxInvoiceStatus];
export type TwoFactorEnabled = {
  __typename?: 'TwoFactorEnabled';
  /** Shown once; each works one time */
  recoveryCodes: Array<Scalars['String']['output']>;
  /** A new two-factor session: replace the tokens held so far */
  session: AuthPayload;
};

export type TwoFactorEnrolment = {
  __typename?: 'TwoFactorEnrolment';
  otpauthUrl: Scalars['String']['output'];
  /** PNG data URL of the otpauth QR code */
  qrCodeDataUrl: Scalars['String']['output'];
  /** Base32 secret, for typing into the app by hand */
  secret: Scalars['String']['output'];
};

export type TwoFactorLoginInput = {
  /** 6-digit code from the authenticator, or a recovery code (xxxxx-xxxxx) */
  code: Scalars['String']['input'];
  secondStepToken: Scalars['String']['input'];
};

export type UnsuspendInput = {
  /** The second chance: pay by this date */
  payUntil?: InputMaybe<Scalars['LocalDate']['input']>;
  reason: Scalars['String']['input'];
};

export type UpcomingDue = {
  __typename?: 'UpcomingDue';
  amount: Scalars['Rupiah']['output'];
  days: Scalars['Int']['output'];
  items: Array<UpcomingInstallment>;
  /** All open installments in the window (items holds at most `limit`) */
  total: Scalars['Int']['output'];
};

export type UpcomingInstallment = {
  __typename?: 'UpcomingInstallment';
  /** Still owed on it */
  amount: Scalars['Rupiah']['output'];
  customerName: Scalars['String']['output'];
  customerPhone: Scalars['String']['output'];
  dueDate: Scalars['LocalDate']['output'];
  installmentId: Scalars['ID']['output'];
  number: Scalars['Int']['output'];
  orderId: Scalars['ID']['output'];
  orderNumber: Scalars['String']['output'];
};

export type UpdateProductInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  cashPrice?: InputMaybe<Scalars['Rupiah']['input']>;
  category?: InputMaybe<ProductCategory>;
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Whether the prices include PPN (default true) */
  pricesIncludeVat?: InputMaybe<Scalars['Boolean']['input']>;
  setupFee?: InputMaybe<Scalars['Rupiah']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  specs?: InputMaybe<ProductSpecsInput>;
};

export type UpdateUserInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  address?: InputMaybe<Scalars['String']['input']>;
  company?: InputMaybe<Scalars['String']['input']>;
  companyAddress?: InputMaybe<Scalars['String']['input']>;
  companyTitle?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  fullName?: InputMaybe<Scalars['String']['input']>;
  locale?: InputMaybe<Locale>;
  nik?: InputMaybe<Scalars['String']['input']>;
  /** NITKU, 22 digits: companies (NPWP + place-of-business code) */
  nitku?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  notifyByEmail?: InputMaybe<Scalars['Boolean']['input']>;
  notifyByWhatsApp?: InputMaybe<Scalars['Boolean']['input']>;
  /** NPWP, 16 digits (for individuals the NIK); without it the customer gets receipts only */
  npwp?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Role>;
};

export type User = {
  __typename?: 'User';
  active: Scalars['Boolean']['output'];
  address?: Maybe<Scalars['String']['output']>;
  company?: Maybe<Scalars['String']['output']>;
  /** Registered address of that company; printed on the SPK */
  companyAddress?: Maybe<Scalars['String']['output']>;
  /** Position in the company the customer signs for (e.g. Direktur); printed on the SPK */
  companyTitle?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  email: Scalars['String']['output'];
  erasedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  fullName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastLoginAt?: Maybe<Scalars['DateTimeISO']['output']>;
  locale: Locale;
  /** Nomor Induk Kependudukan (16 digits); personal data */
  nik?: Maybe<Scalars['String']['output']>;
  /** NITKU (22 digits): a company buyer’s place of business on its tax invoices */
  nitku?: Maybe<Scalars['String']['output']>;
  /** Free-text note about the customer (the seed's noinfo) */
  note?: Maybe<Scalars['String']['output']>;
  /** Also send notifications by email (in-app always) */
  notifyByEmail: Scalars['Boolean']['output'];
  /** Also send notifications by WhatsApp */
  notifyByWhatsApp: Scalars['Boolean']['output'];
  /** NPWP (16 digits; for individuals the NIK). Without it: receipts only, no tax invoice */
  npwp?: Maybe<Scalars['String']['output']>;
  /** E.164, e.g. +6281234567890 */
  phone: Scalars['String']['output'];
  role: Role;
  /** Signs in with a second step (authenticator app code) */
  twoFactorEnabled: Scalars['Boolean']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  username: Scalars['String']['output'];
};

export type UserFilter = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  ids?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Matches username, email, full name or phone */
  q?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Role>;
  /** true: staff only; false: customers only */
  staff?: InputMaybe<Scalars['Boolean']['input']>;
};

export type UserPage = {
  __typename?: 'UserPage';
  items: Array<User>;
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type VirtualAccount = {
  __typename?: 'VirtualAccount';
  /** Bank of the account (BCA, BNI, BRI, MANDIRI, PERMATA, ...) */
  bankCode: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  /** Staff only: why the gateway has not created the account yet */
  lastError?: Maybe<Scalars['String']['output']>;
  /** Account holder name the bank shows */
  name: Scalars['String']['output'];
  /** The number to transfer to; null until the gateway created it */
  number?: Maybe<Scalars['String']['output']>;
  /** sandbox, midtrans or xendit */
  provider: Scalars['String']['output'];
  status: VirtualAccountStatus;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export const VirtualAccountStatus = {
  Active: 'ACTIVE',
  Failed: 'FAILED',
  Pending: 'PENDING'
} as const;

export type VirtualAccountStatus = typeof VirtualAccountStatus[keyof typeof VirtualAccountStatus];