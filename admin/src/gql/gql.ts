/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) { done: requestPasswordReset(input: $input) }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) { done: resetPassword(input: $input) }\n": typeof types.ResetPasswordDocument,
    "\n  mutation LogoutEverywhere {\n    data: logoutEverywhere\n  }\n": typeof types.LogoutEverywhereDocument,
    "\n  mutation VerifyTwoFactorLogin($input: TwoFactorLoginInput!) { data: verifyTwoFactorLogin(input: $input) { ...AuthPayloadFields } }\n  \n": typeof types.VerifyTwoFactorLoginDocument,
    "\n  mutation BeginTwoFactorEnrolment($t: String) { data: beginTwoFactorEnrolment(secondStepToken: $t) { secret otpauthUrl qrCodeDataUrl } }\n": typeof types.BeginTwoFactorEnrolmentDocument,
    "\n  mutation ConfirmTwoFactorEnrolment($input: ConfirmTwoFactorInput!) {\n    data: confirmTwoFactorEnrolment(input: $input) { recoveryCodes session { ...AuthPayloadFields } }\n  }\n  \n": typeof types.ConfirmTwoFactorEnrolmentDocument,
    "\n  mutation DisableTwoFactor($p: String!) { data: disableTwoFactor(password: $p) }\n": typeof types.DisableTwoFactorDocument,
    "\n  mutation RegenerateRecoveryCodes($p: String!) { data: regenerateRecoveryCodes(password: $p) }\n": typeof types.RegenerateRecoveryCodesDocument,
    "\n  query TwoFactorStatus { data: me { twoFactorEnabled } }\n": typeof types.TwoFactorStatusDocument,
    "\n  mutation Register($input: RegisterInput!) { data: register(input: $input) { ...AuthPayloadFields } }\n  \n": typeof types.RegisterDocument,
    "\n  mutation Login($input: LoginInput!) {\n    data: login(input: $input) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { ...SessionUserFields } secondStep secondStepToken }\n  }\n  \n": typeof types.LoginDocument,
    "\n  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }\n": typeof types.LogoutDocument,
    "\n  fragment SessionUserFields on User { id username fullName role locale }\n": typeof types.SessionUserFieldsFragmentDoc,
    "\n  fragment AuthPayloadFields on AuthPayload { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { ...SessionUserFields } }\n  \n": typeof types.AuthPayloadFieldsFragmentDoc,
    "\n  mutation RefreshToken($refreshToken: String!) { refreshToken(refreshToken: $refreshToken) { ...AuthPayloadFields } }\n  \n": typeof types.RefreshTokenDocument,
    "\n  query Me {\n    data: me { id username email fullName phone nik company companyTitle companyAddress address locale notifyByEmail notifyByWhatsApp role }\n  }\n": typeof types.MeDocument,
    "\n  mutation UpdateMyProfile($input: ProfileInput!) {\n    data: updateMyProfile(input: $input) { id email fullName phone nik company companyTitle companyAddress address locale notifyByEmail notifyByWhatsApp }\n  }\n": typeof types.UpdateMyProfileDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    data: changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query MyCart {\n    data: myCart {\n      id quantity\n      product { id name category cashPrice specs { cpu ramGb storageGb storageType bandwidth rackUnits powerWatts ipv4Count } }\n      plan { id name tenorMonths }\n    }\n  }\n": typeof types.MyCartDocument,
    "\n  mutation AddToCart($input: AddToCartInput!) {\n    data: addToCart(input: $input) { id quantity }\n  }\n": typeof types.AddToCartDocument,
    "\n  mutation SetCartItemQuantity($id: ID!, $quantity: Int!) {\n    data: setCartItemQuantity(id: $id, quantity: $quantity) { id quantity }\n  }\n": typeof types.SetCartItemQuantityDocument,
    "\n  mutation Checkout {\n    data: checkout { id number }\n  }\n": typeof types.CheckoutDocument,
    "\n  query AmountDue($orderId: ID!) {\n    data: amountDue(orderId: $orderId)\n  }\n": typeof types.AmountDueDocument,
    "\n  query PayoffQuote($orderId: ID!) {\n    data: payoffQuote(orderId: $orderId)\n  }\n": typeof types.PayoffQuoteDocument,
    "\n  mutation CreatePayment($input: CreatePaymentInput!) {\n    data: createPayment(input: $input) { id reference amount method status redirectUrl proofUploadUrl transferAmount uniqueCode qrString }\n  }\n": typeof types.CreatePaymentDocument,
    "\n  mutation ApproveSpk($id: ID!) {\n    data: approveSpk(id: $id) { id status }\n  }\n": typeof types.ApproveSpkDocument,
    "\n  mutation StartProviderSigning($id: ID!, $input: StartProviderSigningInput) {\n    data: startProviderSigning(spkId: $id, input: $input) { id state }\n  }\n": typeof types.StartProviderSigningDocument,
    "\n  mutation ConfirmProviderOtp($id: ID!, $input: ProviderOtpInput!) {\n    data: confirmProviderOtp(spkId: $id, input: $input) { id status }\n  }\n": typeof types.ConfirmProviderOtpDocument,
    "\n  mutation RequestSpkRevision($id: ID!, $input: SpkReasonInput!) {\n    data: requestSpkRevision(id: $id, input: $input) { id status }\n  }\n": typeof types.RequestSpkRevisionDocument,
    "\n  fragment CustomerServiceFields on Service { id label hostname status provisioning driver hostingUrl osTemplate orderId orderItemId suspensionCause lastError createdAt }\n": typeof types.CustomerServiceFieldsFragmentDoc,
    "\n  fragment CustomerServerFields on Service { powerActions details { power ipAddresses access { label value } consoleUrl unavailable } }\n": typeof types.CustomerServerFieldsFragmentDoc,
    "\n  query MyServices {\n    data: myServices { ...CustomerServiceFields ...CustomerServerFields }\n  }\n  \n  \n": typeof types.MyServicesDocument,
    "\n  mutation PowerService($id: ID!, $action: PowerAction!) {\n    data: powerService(id: $id, action: $action) { id ...CustomerServerFields }\n  }\n  \n": typeof types.PowerServiceDocument,
    "\n  query MyOrdersForServices {\n    data: myOrders(perPage: 50, sortField: \"createdAt\", sortOrder: DESC, filter: { status: [AWAITING_SPK, SPK_IN_PROGRESS, AWAITING_DOWN_PAYMENT, ACTIVE, SUSPENDED, COMPLETED] }) {\n      items { id number status serviceBlockedReason summary { arrearsAmount nextDue { dueDate amount } } items { id position productName category } services { id orderItemId } }\n    }\n  }\n": typeof types.MyOrdersForServicesDocument,
    "\n  query OsTemplates {\n    data: osTemplates\n  }\n": typeof types.OsTemplatesDocument,
    "\n  mutation CreateService($input: CreateServiceInput!) {\n    data: createService(input: $input) { ...CustomerServiceFields }\n  }\n  \n": typeof types.CreateServiceDocument,
    "\n  mutation RequestContractChange($orderId: ID!, $input: ContractRequestInput!) {\n    data: requestContractChange(orderId: $orderId, input: $input) { id kind status }\n  }\n": typeof types.RequestContractChangeDocument,
    "\n  query DashboardPage($days: Int!, $limit: Int!, $money: Boolean!, $spk: Boolean!) {\n    data: dashboard {\n      today\n      activeOrders\n      overdue { orders installments amount }\n      receivables @include(if: $money) { amount installments orders }\n      collections @include(if: $money) { month settled settledCount refunded refundedCount net }\n      aging @include(if: $money) { bucket amount installments }\n      upcomingDue(days: $days, limit: $limit) { days total amount items { installmentId number dueDate amount orderId orderNumber customerName customerPhone } }\n      spksAwaitingStaff(limit: $limit) @include(if: $spk) { total items { spkId number status since orderId orderNumber customerName } }\n      work { ordersAwaitingSpk spksAwaitingStaff proofsToVerify servicesFailing secondChanceEnding }\n    }\n  }\n": typeof types.DashboardPageDocument,
    "\n  query Quote($productId: ID!, $planId: ID!, $quantity: Int!, $startDate: LocalDate) {\n    installmentQuote(productId: $productId, planId: $planId, quantity: $quantity, startDate: $startDate) {\n      downPayment financedAmount marginAmount totalPrice firstPayment monthlyInstallment vatAmount startDate\n      lines { number dueDate amount vat }\n    }\n  }\n": typeof types.QuoteDocument,
    "\n    mutation AssignOrder($id: ID!, $assigneeId: ID!) {\n      data: assignOrder(id: $id, assigneeId: $assigneeId) { id status }\n    }\n  ": typeof types.AssignOrderDocument,
    "\n    mutation CancelOrder($id: ID!, $reason: String!) {\n      data: cancelOrder(id: $id, reason: $reason) { id status }\n    }\n  ": typeof types.CancelOrderDocument,
    "\n    mutation SettlePayment($id: ID!) {\n      data: settlePayment(id: $id) { id status }\n    }\n  ": typeof types.SettlePaymentDocument,
    "\n    mutation RejectPayment($id: ID!, $input: ReasonInput!) {\n      data: rejectPayment(id: $id, input: $input) { id status }\n    }\n  ": typeof types.RejectPaymentDocument,
    "\n    mutation RefundPayment($id: ID!, $input: ReasonInput!) {\n      data: refundPayment(id: $id, input: $input) { id status }\n    }\n  ": typeof types.RefundPaymentDocument,
    "\n  mutation RunBillingPass {\n    data: runBillingPass { date statusChanges feesChanged reminders staffNotices graceExpired suspendedOrders }\n  }\n": typeof types.RunBillingPassDocument,
    "\n  query PreviewBillingPass {\n    data: previewBillingPass { date statusChanges feesChanged reminders staffNotices graceExpired suspendedOrders }\n  }\n": typeof types.PreviewBillingPassDocument,
    "\n  query UnreadCount {\n    data: unreadCount\n  }\n": typeof types.UnreadCountDocument,
    "\n  query MyNotifications($page: Int!, $perPage: Int!, $unreadOnly: Boolean!) {\n    data: myNotifications(page: $page, perPage: $perPage, unreadOnly: $unreadOnly) {\n      total\n      items { ...NotificationFields }\n    }\n  }\n  \n": typeof types.MyNotificationsDocument,
    "\n  mutation MarkRead($id: ID!) {\n    data: markRead(id: $id) { id readAt }\n  }\n": typeof types.MarkReadDocument,
    "\n  mutation MarkAllRead {\n    data: markAllRead\n  }\n": typeof types.MarkAllReadDocument,
    "\n  fragment NotificationFields on Notification { id type title body link readAt createdAt }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  subscription NotificationsResync { notificationsResync }\n": typeof types.NotificationsResyncDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationFields }\n  }\n  \n": typeof types.NotificationAddedDocument,
    "\n  query OrderTimeline($orderId: ID!) {\n    data: orderTimeline(orderId: $orderId) { id at action sentence parts { text kind refId } }\n  }\n": typeof types.OrderTimelineDocument,
    "\n  mutation SendOverdueNotice($orderId: ID!) {\n    data: sendOverdueNotice(orderId: $orderId) { arrearsAmount daysLate waLink }\n  }\n": typeof types.SendOverdueNoticeDocument,
    "\n  mutation SuspendOrder($orderId: ID!, $reason: String) {\n    data: suspendOrder(orderId: $orderId, reason: $reason) { id status }\n  }\n": typeof types.SuspendOrderDocument,
    "\n  mutation UnsuspendOrder($orderId: ID!, $input: UnsuspendInput!) {\n    data: unsuspendOrder(orderId: $orderId, input: $input) { id status }\n  }\n": typeof types.UnsuspendOrderDocument,
    "\n  mutation ResolvePaymentAnomaly($id: ID!, $input: ResolutionInput!) {\n    data: resolvePaymentAnomaly(id: $id, input: $input) { id resolvedAt }\n  }\n": typeof types.ResolvePaymentAnomalyDocument,
    "\n  fragment PrivacyRequestFields on PrivacyRequest { id kind status details createdAt dueAt handledAt resolution overdue kept { what why } }\n": typeof types.PrivacyRequestFieldsFragmentDoc,
    "query MyPrivacyRequests { data: myPrivacyRequests { ...PrivacyRequestFields } } ": typeof types.MyPrivacyRequestsDocument,
    "mutation RequestPersonalData($input: PrivacyRequestInput!) { data: requestPersonalData(input: $input) { ...PrivacyRequestFields } } ": typeof types.RequestPersonalDataDocument,
    "query PrivacyRequests($filter: PrivacyRequestFilter, $page: Int, $perPage: Int) {\n  data: privacyRequests(filter: $filter, page: $page, perPage: $perPage) { total items { ...PrivacyRequestFields customer { id username fullName email } } }\n} ": typeof types.PrivacyRequestsDocument,
    "mutation CompletePrivacyCorrection($id: ID!, $input: PrivacyAnswerInput!) { data: completePrivacyCorrection(id: $id, input: $input) { id } }": typeof types.CompletePrivacyCorrectionDocument,
    "mutation RejectPrivacyRequest($id: ID!, $input: PrivacyAnswerInput!) { data: rejectPrivacyRequest(id: $id, input: $input) { id } }": typeof types.RejectPrivacyRequestDocument,
    "mutation CarryOutErasure($id: ID!) { data: carryOutErasure(id: $id) { id } }": typeof types.CarryOutErasureDocument,
    "query StatementLines { data: statementLines(perPage: 50) { total items { id bookedOn amount description payerName\n  suggestions { paymentId reference orderNumber customerName expected difference reasons } } } }": typeof types.StatementLinesDocument,
    "mutation ImportBankStatement($input: ImportStatementInput!) { data: importBankStatement(input: $input) { lines imported duplicates matched unmatched } }": typeof types.ImportBankStatementDocument,
    "mutation MatchStatementLine($id: ID!, $paymentId: ID!) { data: matchStatementLine(id: $id, paymentId: $paymentId) { id } }": typeof types.MatchStatementLineDocument,
    "mutation DismissStatementLine($id: ID!, $input: DismissStatementLineInput!) { data: dismissStatementLine(id: $id, input: $input) { id } }": typeof types.DismissStatementLineDocument,
    "query OrderVirtualAccount($id: ID!) { data: order(id: $id) { id virtualAccount { bankCode number name status lastError } } }": typeof types.OrderVirtualAccountDocument,
    "\n  mutation RetryProvisioning($id: ID!) {\n    data: retryServiceProvisioning(id: $id) { id status }\n  }\n": typeof types.RetryProvisioningDocument,
    "\n  mutation TerminateService($id: ID!, $reason: String!) {\n    data: terminateService(id: $id, reason: $reason) { id status }\n  }\n": typeof types.TerminateServiceDocument,
    "\n  mutation RefreshProviderSigning($id: ID!) {\n    data: refreshProviderSigning(spkId: $id) { id status }\n  }\n": typeof types.RefreshProviderSigningDocument,
    "\n    mutation SubmitSpk($id: ID!) {\n      data: submitSpkForReview(id: $id) { id status }\n    }\n  ": typeof types.SubmitSpkDocument,
    "\n    mutation ReviseSpk($id: ID!, $input: SpkNoteInput) {\n      data: reviseSpk(id: $id, input: $input) { id status }\n    }\n  ": typeof types.ReviseSpkDocument,
    "\n    mutation SignSpk($id: ID!) {\n      data: signSpk(id: $id) { id status }\n    }\n  ": typeof types.SignSpkDocument,
    "\n    mutation ConfirmSpk($id: ID!) {\n      data: confirmSpk(id: $id) { id status }\n    }\n  ": typeof types.ConfirmSpkDocument,
    "\n    mutation RejectSpkSignature($id: ID!, $input: SpkReasonInput!) {\n      data: rejectSpkSignature(id: $id, input: $input) { id status }\n    }\n  ": typeof types.RejectSpkSignatureDocument,
    "\n    mutation CancelSpk($id: ID!, $input: SpkReasonInput!) {\n      data: cancelSpk(id: $id, input: $input) { id status }\n    }\n  ": typeof types.CancelSpkDocument,
    "\n  mutation CreateSpk($orderId: ID!) {\n    data: createSpk(orderId: $orderId) { id status }\n  }\n": typeof types.CreateSpkDocument,
    "\n  mutation CompleteStaffTask($id: ID!, $note: String) {\n    data: completeStaffTask(id: $id, note: $note) { id status }\n  }\n": typeof types.CompleteStaffTaskDocument,
    "\n  query StampDutyReport($month: String!) {\n    data: stampDutyReport(month: $month) {\n      month stamps amount quotaTracked quotaOpening quotaPurchased purchaseCost quotaUsed quotaClosing\n      lines { documentKind borneBy stamps amount }\n    }\n  }\n": typeof types.StampDutyReportDocument,
    "\n  query StampQuota {\n    data: stampQuota { opening bought used remaining low tracked }\n  }\n": typeof types.StampQuotaDocument,
    "\n  query StampQuotaPurchases {\n    data: stampQuotaPurchases { id purchasedOn quantity pricePerStamp reference status voidReason }\n  }\n": typeof types.StampQuotaPurchasesDocument,
    "\n  mutation RecordStampQuotaPurchase($input: StampQuotaPurchaseInput!) {\n    data: recordStampQuotaPurchase(input: $input) { id quantity }\n  }\n": typeof types.RecordStampQuotaPurchaseDocument,
    "\n  mutation VoidStampQuotaPurchase($id: ID!, $reason: String!) {\n    data: voidStampQuotaPurchase(id: $id, reason: $reason) { id status }\n  }\n": typeof types.VoidStampQuotaPurchaseDocument,
    "\n  mutation ExportCoretax($period: String!) {\n    data: exportCoretaxXml(period: $period) { fileName count xml }\n  }\n": typeof types.ExportCoretaxDocument,
    "\n  mutation ImportCoretaxNumbers($csv: String!) {\n    data: importCoretaxNumbers(csv: $csv) { line reference outcome field message }\n  }\n": typeof types.ImportCoretaxNumbersDocument,
};
const documents: Documents = {
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) { done: requestPasswordReset(input: $input) }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) { done: resetPassword(input: $input) }\n": types.ResetPasswordDocument,
    "\n  mutation LogoutEverywhere {\n    data: logoutEverywhere\n  }\n": types.LogoutEverywhereDocument,
    "\n  mutation VerifyTwoFactorLogin($input: TwoFactorLoginInput!) { data: verifyTwoFactorLogin(input: $input) { ...AuthPayloadFields } }\n  \n": types.VerifyTwoFactorLoginDocument,
    "\n  mutation BeginTwoFactorEnrolment($t: String) { data: beginTwoFactorEnrolment(secondStepToken: $t) { secret otpauthUrl qrCodeDataUrl } }\n": types.BeginTwoFactorEnrolmentDocument,
    "\n  mutation ConfirmTwoFactorEnrolment($input: ConfirmTwoFactorInput!) {\n    data: confirmTwoFactorEnrolment(input: $input) { recoveryCodes session { ...AuthPayloadFields } }\n  }\n  \n": types.ConfirmTwoFactorEnrolmentDocument,
    "\n  mutation DisableTwoFactor($p: String!) { data: disableTwoFactor(password: $p) }\n": types.DisableTwoFactorDocument,
    "\n  mutation RegenerateRecoveryCodes($p: String!) { data: regenerateRecoveryCodes(password: $p) }\n": types.RegenerateRecoveryCodesDocument,
    "\n  query TwoFactorStatus { data: me { twoFactorEnabled } }\n": types.TwoFactorStatusDocument,
    "\n  mutation Register($input: RegisterInput!) { data: register(input: $input) { ...AuthPayloadFields } }\n  \n": types.RegisterDocument,
    "\n  mutation Login($input: LoginInput!) {\n    data: login(input: $input) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { ...SessionUserFields } secondStep secondStepToken }\n  }\n  \n": types.LoginDocument,
    "\n  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }\n": types.LogoutDocument,
    "\n  fragment SessionUserFields on User { id username fullName role locale }\n": types.SessionUserFieldsFragmentDoc,
    "\n  fragment AuthPayloadFields on AuthPayload { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { ...SessionUserFields } }\n  \n": types.AuthPayloadFieldsFragmentDoc,
    "\n  mutation RefreshToken($refreshToken: String!) { refreshToken(refreshToken: $refreshToken) { ...AuthPayloadFields } }\n  \n": types.RefreshTokenDocument,
    "\n  query Me {\n    data: me { id username email fullName phone nik company companyTitle companyAddress address locale notifyByEmail notifyByWhatsApp role }\n  }\n": types.MeDocument,
    "\n  mutation UpdateMyProfile($input: ProfileInput!) {\n    data: updateMyProfile(input: $input) { id email fullName phone nik company companyTitle companyAddress address locale notifyByEmail notifyByWhatsApp }\n  }\n": types.UpdateMyProfileDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    data: changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  query MyCart {\n    data: myCart {\n      id quantity\n      product { id name category cashPrice specs { cpu ramGb storageGb storageType bandwidth rackUnits powerWatts ipv4Count } }\n      plan { id name tenorMonths }\n    }\n  }\n": types.MyCartDocument,
    "\n  mutation AddToCart($input: AddToCartInput!) {\n    data: addToCart(input: $input) { id quantity }\n  }\n": types.AddToCartDocument,
    "\n  mutation SetCartItemQuantity($id: ID!, $quantity: Int!) {\n    data: setCartItemQuantity(id: $id, quantity: $quantity) { id quantity }\n  }\n": types.SetCartItemQuantityDocument,
    "\n  mutation Checkout {\n    data: checkout { id number }\n  }\n": types.CheckoutDocument,
    "\n  query AmountDue($orderId: ID!) {\n    data: amountDue(orderId: $orderId)\n  }\n": types.AmountDueDocument,
    "\n  query PayoffQuote($orderId: ID!) {\n    data: payoffQuote(orderId: $orderId)\n  }\n": types.PayoffQuoteDocument,
    "\n  mutation CreatePayment($input: CreatePaymentInput!) {\n    data: createPayment(input: $input) { id reference amount method status redirectUrl proofUploadUrl transferAmount uniqueCode qrString }\n  }\n": types.CreatePaymentDocument,
    "\n  mutation ApproveSpk($id: ID!) {\n    data: approveSpk(id: $id) { id status }\n  }\n": types.ApproveSpkDocument,
    "\n  mutation StartProviderSigning($id: ID!, $input: StartProviderSigningInput) {\n    data: startProviderSigning(spkId: $id, input: $input) { id state }\n  }\n": types.StartProviderSigningDocument,
    "\n  mutation ConfirmProviderOtp($id: ID!, $input: ProviderOtpInput!) {\n    data: confirmProviderOtp(spkId: $id, input: $input) { id status }\n  }\n": types.ConfirmProviderOtpDocument,
    "\n  mutation RequestSpkRevision($id: ID!, $input: SpkReasonInput!) {\n    data: requestSpkRevision(id: $id, input: $input) { id status }\n  }\n": types.RequestSpkRevisionDocument,
    "\n  fragment CustomerServiceFields on Service { id label hostname status provisioning driver hostingUrl osTemplate orderId orderItemId suspensionCause lastError createdAt }\n": types.CustomerServiceFieldsFragmentDoc,
    "\n  fragment CustomerServerFields on Service { powerActions details { power ipAddresses access { label value } consoleUrl unavailable } }\n": types.CustomerServerFieldsFragmentDoc,
    "\n  query MyServices {\n    data: myServices { ...CustomerServiceFields ...CustomerServerFields }\n  }\n  \n  \n": types.MyServicesDocument,
    "\n  mutation PowerService($id: ID!, $action: PowerAction!) {\n    data: powerService(id: $id, action: $action) { id ...CustomerServerFields }\n  }\n  \n": types.PowerServiceDocument,
    "\n  query MyOrdersForServices {\n    data: myOrders(perPage: 50, sortField: \"createdAt\", sortOrder: DESC, filter: { status: [AWAITING_SPK, SPK_IN_PROGRESS, AWAITING_DOWN_PAYMENT, ACTIVE, SUSPENDED, COMPLETED] }) {\n      items { id number status serviceBlockedReason summary { arrearsAmount nextDue { dueDate amount } } items { id position productName category } services { id orderItemId } }\n    }\n  }\n": types.MyOrdersForServicesDocument,
    "\n  query OsTemplates {\n    data: osTemplates\n  }\n": types.OsTemplatesDocument,
    "\n  mutation CreateService($input: CreateServiceInput!) {\n    data: createService(input: $input) { ...CustomerServiceFields }\n  }\n  \n": types.CreateServiceDocument,
    "\n  mutation RequestContractChange($orderId: ID!, $input: ContractRequestInput!) {\n    data: requestContractChange(orderId: $orderId, input: $input) { id kind status }\n  }\n": types.RequestContractChangeDocument,
    "\n  query DashboardPage($days: Int!, $limit: Int!, $money: Boolean!, $spk: Boolean!) {\n    data: dashboard {\n      today\n      activeOrders\n      overdue { orders installments amount }\n      receivables @include(if: $money) { amount installments orders }\n      collections @include(if: $money) { month settled settledCount refunded refundedCount net }\n      aging @include(if: $money) { bucket amount installments }\n      upcomingDue(days: $days, limit: $limit) { days total amount items { installmentId number dueDate amount orderId orderNumber customerName customerPhone } }\n      spksAwaitingStaff(limit: $limit) @include(if: $spk) { total items { spkId number status since orderId orderNumber customerName } }\n      work { ordersAwaitingSpk spksAwaitingStaff proofsToVerify servicesFailing secondChanceEnding }\n    }\n  }\n": types.DashboardPageDocument,
    "\n  query Quote($productId: ID!, $planId: ID!, $quantity: Int!, $startDate: LocalDate) {\n    installmentQuote(productId: $productId, planId: $planId, quantity: $quantity, startDate: $startDate) {\n      downPayment financedAmount marginAmount totalPrice firstPayment monthlyInstallment vatAmount startDate\n      lines { number dueDate amount vat }\n    }\n  }\n": types.QuoteDocument,
    "\n    mutation AssignOrder($id: ID!, $assigneeId: ID!) {\n      data: assignOrder(id: $id, assigneeId: $assigneeId) { id status }\n    }\n  ": types.AssignOrderDocument,
    "\n    mutation CancelOrder($id: ID!, $reason: String!) {\n      data: cancelOrder(id: $id, reason: $reason) { id status }\n    }\n  ": types.CancelOrderDocument,
    "\n    mutation SettlePayment($id: ID!) {\n      data: settlePayment(id: $id) { id status }\n    }\n  ": types.SettlePaymentDocument,
    "\n    mutation RejectPayment($id: ID!, $input: ReasonInput!) {\n      data: rejectPayment(id: $id, input: $input) { id status }\n    }\n  ": types.RejectPaymentDocument,
    "\n    mutation RefundPayment($id: ID!, $input: ReasonInput!) {\n      data: refundPayment(id: $id, input: $input) { id status }\n    }\n  ": types.RefundPaymentDocument,
    "\n  mutation RunBillingPass {\n    data: runBillingPass { date statusChanges feesChanged reminders staffNotices graceExpired suspendedOrders }\n  }\n": types.RunBillingPassDocument,
    "\n  query PreviewBillingPass {\n    data: previewBillingPass { date statusChanges feesChanged reminders staffNotices graceExpired suspendedOrders }\n  }\n": types.PreviewBillingPassDocument,
    "\n  query UnreadCount {\n    data: unreadCount\n  }\n": types.UnreadCountDocument,
    "\n  query MyNotifications($page: Int!, $perPage: Int!, $unreadOnly: Boolean!) {\n    data: myNotifications(page: $page, perPage: $perPage, unreadOnly: $unreadOnly) {\n      total\n      items { ...NotificationFields }\n    }\n  }\n  \n": types.MyNotificationsDocument,
    "\n  mutation MarkRead($id: ID!) {\n    data: markRead(id: $id) { id readAt }\n  }\n": types.MarkReadDocument,
    "\n  mutation MarkAllRead {\n    data: markAllRead\n  }\n": types.MarkAllReadDocument,
    "\n  fragment NotificationFields on Notification { id type title body link readAt createdAt }\n": types.NotificationFieldsFragmentDoc,
    "\n  subscription NotificationsResync { notificationsResync }\n": types.NotificationsResyncDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationFields }\n  }\n  \n": types.NotificationAddedDocument,
    "\n  query OrderTimeline($orderId: ID!) {\n    data: orderTimeline(orderId: $orderId) { id at action sentence parts { text kind refId } }\n  }\n": types.OrderTimelineDocument,
    "\n  mutation SendOverdueNotice($orderId: ID!) {\n    data: sendOverdueNotice(orderId: $orderId) { arrearsAmount daysLate waLink }\n  }\n": types.SendOverdueNoticeDocument,
    "\n  mutation SuspendOrder($orderId: ID!, $reason: String) {\n    data: suspendOrder(orderId: $orderId, reason: $reason) { id status }\n  }\n": types.SuspendOrderDocument,
    "\n  mutation UnsuspendOrder($orderId: ID!, $input: UnsuspendInput!) {\n    data: unsuspendOrder(orderId: $orderId, input: $input) { id status }\n  }\n": types.UnsuspendOrderDocument,
    "\n  mutation ResolvePaymentAnomaly($id: ID!, $input: ResolutionInput!) {\n    data: resolvePaymentAnomaly(id: $id, input: $input) { id resolvedAt }\n  }\n": types.ResolvePaymentAnomalyDocument,
    "\n  fragment PrivacyRequestFields on PrivacyRequest { id kind status details createdAt dueAt handledAt resolution overdue kept { what why } }\n": types.PrivacyRequestFieldsFragmentDoc,
    "query MyPrivacyRequests { data: myPrivacyRequests { ...PrivacyRequestFields } } ": types.MyPrivacyRequestsDocument,
    "mutation RequestPersonalData($input: PrivacyRequestInput!) { data: requestPersonalData(input: $input) { ...PrivacyRequestFields } } ": types.RequestPersonalDataDocument,
    "query PrivacyRequests($filter: PrivacyRequestFilter, $page: Int, $perPage: Int) {\n  data: privacyRequests(filter: $filter, page: $page, perPage: $perPage) { total items { ...PrivacyRequestFields customer { id username fullName email } } }\n} ": types.PrivacyRequestsDocument,
    "mutation CompletePrivacyCorrection($id: ID!, $input: PrivacyAnswerInput!) { data: completePrivacyCorrection(id: $id, input: $input) { id } }": types.CompletePrivacyCorrectionDocument,
    "mutation RejectPrivacyRequest($id: ID!, $input: PrivacyAnswerInput!) { data: rejectPrivacyRequest(id: $id, input: $input) { id } }": types.RejectPrivacyRequestDocument,
    "mutation CarryOutErasure($id: ID!) { data: carryOutErasure(id: $id) { id } }": types.CarryOutErasureDocument,
    "query StatementLines { data: statementLines(perPage: 50) { total items { id bookedOn amount description payerName\n  suggestions { paymentId reference orderNumber customerName expected difference reasons } } } }": types.StatementLinesDocument,
    "mutation ImportBankStatement($input: ImportStatementInput!) { data: importBankStatement(input: $input) { lines imported duplicates matched unmatched } }": types.ImportBankStatementDocument,
    "mutation MatchStatementLine($id: ID!, $paymentId: ID!) { data: matchStatementLine(id: $id, paymentId: $paymentId) { id } }": types.MatchStatementLineDocument,
    "mutation DismissStatementLine($id: ID!, $input: DismissStatementLineInput!) { data: dismissStatementLine(id: $id, input: $input) { id } }": types.DismissStatementLineDocument,
    "query OrderVirtualAccount($id: ID!) { data: order(id: $id) { id virtualAccount { bankCode number name status lastError } } }": types.OrderVirtualAccountDocument,
    "\n  mutation RetryProvisioning($id: ID!) {\n    data: retryServiceProvisioning(id: $id) { id status }\n  }\n": types.RetryProvisioningDocument,
    "\n  mutation TerminateService($id: ID!, $reason: String!) {\n    data: terminateService(id: $id, reason: $reason) { id status }\n  }\n": types.TerminateServiceDocument,
    "\n  mutation RefreshProviderSigning($id: ID!) {\n    data: refreshProviderSigning(spkId: $id) { id status }\n  }\n": types.RefreshProviderSigningDocument,
    "\n    mutation SubmitSpk($id: ID!) {\n      data: submitSpkForReview(id: $id) { id status }\n    }\n  ": types.SubmitSpkDocument,
    "\n    mutation ReviseSpk($id: ID!, $input: SpkNoteInput) {\n      data: reviseSpk(id: $id, input: $input) { id status }\n    }\n  ": types.ReviseSpkDocument,
    "\n    mutation SignSpk($id: ID!) {\n      data: signSpk(id: $id) { id status }\n    }\n  ": types.SignSpkDocument,
    "\n    mutation ConfirmSpk($id: ID!) {\n      data: confirmSpk(id: $id) { id status }\n    }\n  ": types.ConfirmSpkDocument,
    "\n    mutation RejectSpkSignature($id: ID!, $input: SpkReasonInput!) {\n      data: rejectSpkSignature(id: $id, input: $input) { id status }\n    }\n  ": types.RejectSpkSignatureDocument,
    "\n    mutation CancelSpk($id: ID!, $input: SpkReasonInput!) {\n      data: cancelSpk(id: $id, input: $input) { id status }\n    }\n  ": types.CancelSpkDocument,
    "\n  mutation CreateSpk($orderId: ID!) {\n    data: createSpk(orderId: $orderId) { id status }\n  }\n": types.CreateSpkDocument,
    "\n  mutation CompleteStaffTask($id: ID!, $note: String) {\n    data: completeStaffTask(id: $id, note: $note) { id status }\n  }\n": types.CompleteStaffTaskDocument,
    "\n  query StampDutyReport($month: String!) {\n    data: stampDutyReport(month: $month) {\n      month stamps amount quotaTracked quotaOpening quotaPurchased purchaseCost quotaUsed quotaClosing\n      lines { documentKind borneBy stamps amount }\n    }\n  }\n": types.StampDutyReportDocument,
    "\n  query StampQuota {\n    data: stampQuota { opening bought used remaining low tracked }\n  }\n": types.StampQuotaDocument,
    "\n  query StampQuotaPurchases {\n    data: stampQuotaPurchases { id purchasedOn quantity pricePerStamp reference status voidReason }\n  }\n": types.StampQuotaPurchasesDocument,
    "\n  mutation RecordStampQuotaPurchase($input: StampQuotaPurchaseInput!) {\n    data: recordStampQuotaPurchase(input: $input) { id quantity }\n  }\n": types.RecordStampQuotaPurchaseDocument,
    "\n  mutation VoidStampQuotaPurchase($id: ID!, $reason: String!) {\n    data: voidStampQuotaPurchase(id: $id, reason: $reason) { id status }\n  }\n": types.VoidStampQuotaPurchaseDocument,
    "\n  mutation ExportCoretax($period: String!) {\n    data: exportCoretaxXml(period: $period) { fileName count xml }\n  }\n": types.ExportCoretaxDocument,
    "\n  mutation ImportCoretaxNumbers($csv: String!) {\n    data: importCoretaxNumbers(csv: $csv) { line reference outcome field message }\n  }\n": types.ImportCoretaxNumbersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) { done: requestPasswordReset(input: $input) }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) { done: requestPasswordReset(input: $input) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) { done: resetPassword(input: $input) }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) { done: resetPassword(input: $input) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogoutEverywhere {\n    data: logoutEverywhere\n  }\n"): (typeof documents)["\n  mutation LogoutEverywhere {\n    data: logoutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyTwoFactorLogin($input: TwoFactorLoginInput!) { data: verifyTwoFactorLogin(input: $input) { ...AuthPayloadFields } }\n  \n"): (typeof documents)["\n  mutation VerifyTwoFactorLogin($input: TwoFactorLoginInput!) { data: verifyTwoFactorLogin(input: $input) { ...AuthPayloadFields } }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginTwoFactorEnrolment($t: String) { data: beginTwoFactorEnrolment(secondStepToken: $t) { secret otpauthUrl qrCodeDataUrl } }\n"): (typeof documents)["\n  mutation BeginTwoFactorEnrolment($t: String) { data: beginTwoFactorEnrolment(secondStepToken: $t) { secret otpauthUrl qrCodeDataUrl } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTwoFactorEnrolment($input: ConfirmTwoFactorInput!) {\n    data: confirmTwoFactorEnrolment(input: $input) { recoveryCodes session { ...AuthPayloadFields } }\n  }\n  \n"): (typeof documents)["\n  mutation ConfirmTwoFactorEnrolment($input: ConfirmTwoFactorInput!) {\n    data: confirmTwoFactorEnrolment(input: $input) { recoveryCodes session { ...AuthPayloadFields } }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTwoFactor($p: String!) { data: disableTwoFactor(password: $p) }\n"): (typeof documents)["\n  mutation DisableTwoFactor($p: String!) { data: disableTwoFactor(password: $p) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateRecoveryCodes($p: String!) { data: regenerateRecoveryCodes(password: $p) }\n"): (typeof documents)["\n  mutation RegenerateRecoveryCodes($p: String!) { data: regenerateRecoveryCodes(password: $p) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TwoFactorStatus { data: me { twoFactorEnabled } }\n"): (typeof documents)["\n  query TwoFactorStatus { data: me { twoFactorEnabled } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) { data: register(input: $input) { ...AuthPayloadFields } }\n  \n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) { data: register(input: $input) { ...AuthPayloadFields } }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    data: login(input: $input) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { ...SessionUserFields } secondStep secondStepToken }\n  }\n  \n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    data: login(input: $input) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { ...SessionUserFields } secondStep secondStepToken }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }\n"): (typeof documents)["\n  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUserFields on User { id username fullName role locale }\n"): (typeof documents)["\n  fragment SessionUserFields on User { id username fullName role locale }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthPayloadFields on AuthPayload { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { ...SessionUserFields } }\n  \n"): (typeof documents)["\n  fragment AuthPayloadFields on AuthPayload { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { ...SessionUserFields } }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshToken($refreshToken: String!) { refreshToken(refreshToken: $refreshToken) { ...AuthPayloadFields } }\n  \n"): (typeof documents)["\n  mutation RefreshToken($refreshToken: String!) { refreshToken(refreshToken: $refreshToken) { ...AuthPayloadFields } }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    data: me { id username email fullName phone nik company companyTitle companyAddress address locale notifyByEmail notifyByWhatsApp role }\n  }\n"): (typeof documents)["\n  query Me {\n    data: me { id username email fullName phone nik company companyTitle companyAddress address locale notifyByEmail notifyByWhatsApp role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyProfile($input: ProfileInput!) {\n    data: updateMyProfile(input: $input) { id email fullName phone nik company companyTitle companyAddress address locale notifyByEmail notifyByWhatsApp }\n  }\n"): (typeof documents)["\n  mutation UpdateMyProfile($input: ProfileInput!) {\n    data: updateMyProfile(input: $input) { id email fullName phone nik company companyTitle companyAddress address locale notifyByEmail notifyByWhatsApp }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    data: changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    data: changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCart {\n    data: myCart {\n      id quantity\n      product { id name category cashPrice specs { cpu ramGb storageGb storageType bandwidth rackUnits powerWatts ipv4Count } }\n      plan { id name tenorMonths }\n    }\n  }\n"): (typeof documents)["\n  query MyCart {\n    data: myCart {\n      id quantity\n      product { id name category cashPrice specs { cpu ramGb storageGb storageType bandwidth rackUnits powerWatts ipv4Count } }\n      plan { id name tenorMonths }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddToCart($input: AddToCartInput!) {\n    data: addToCart(input: $input) { id quantity }\n  }\n"): (typeof documents)["\n  mutation AddToCart($input: AddToCartInput!) {\n    data: addToCart(input: $input) { id quantity }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCartItemQuantity($id: ID!, $quantity: Int!) {\n    data: setCartItemQuantity(id: $id, quantity: $quantity) { id quantity }\n  }\n"): (typeof documents)["\n  mutation SetCartItemQuantity($id: ID!, $quantity: Int!) {\n    data: setCartItemQuantity(id: $id, quantity: $quantity) { id quantity }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Checkout {\n    data: checkout { id number }\n  }\n"): (typeof documents)["\n  mutation Checkout {\n    data: checkout { id number }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AmountDue($orderId: ID!) {\n    data: amountDue(orderId: $orderId)\n  }\n"): (typeof documents)["\n  query AmountDue($orderId: ID!) {\n    data: amountDue(orderId: $orderId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayoffQuote($orderId: ID!) {\n    data: payoffQuote(orderId: $orderId)\n  }\n"): (typeof documents)["\n  query PayoffQuote($orderId: ID!) {\n    data: payoffQuote(orderId: $orderId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePayment($input: CreatePaymentInput!) {\n    data: createPayment(input: $input) { id reference amount method status redirectUrl proofUploadUrl transferAmount uniqueCode qrString }\n  }\n"): (typeof documents)["\n  mutation CreatePayment($input: CreatePaymentInput!) {\n    data: createPayment(input: $input) { id reference amount method status redirectUrl proofUploadUrl transferAmount uniqueCode qrString }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveSpk($id: ID!) {\n    data: approveSpk(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation ApproveSpk($id: ID!) {\n    data: approveSpk(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartProviderSigning($id: ID!, $input: StartProviderSigningInput) {\n    data: startProviderSigning(spkId: $id, input: $input) { id state }\n  }\n"): (typeof documents)["\n  mutation StartProviderSigning($id: ID!, $input: StartProviderSigningInput) {\n    data: startProviderSigning(spkId: $id, input: $input) { id state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmProviderOtp($id: ID!, $input: ProviderOtpInput!) {\n    data: confirmProviderOtp(spkId: $id, input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation ConfirmProviderOtp($id: ID!, $input: ProviderOtpInput!) {\n    data: confirmProviderOtp(spkId: $id, input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestSpkRevision($id: ID!, $input: SpkReasonInput!) {\n    data: requestSpkRevision(id: $id, input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation RequestSpkRevision($id: ID!, $input: SpkReasonInput!) {\n    data: requestSpkRevision(id: $id, input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerServiceFields on Service { id label hostname status provisioning driver hostingUrl osTemplate orderId orderItemId suspensionCause lastError createdAt }\n"): (typeof documents)["\n  fragment CustomerServiceFields on Service { id label hostname status provisioning driver hostingUrl osTemplate orderId orderItemId suspensionCause lastError createdAt }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerServerFields on Service { powerActions details { power ipAddresses access { label value } consoleUrl unavailable } }\n"): (typeof documents)["\n  fragment CustomerServerFields on Service { powerActions details { power ipAddresses access { label value } consoleUrl unavailable } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyServices {\n    data: myServices { ...CustomerServiceFields ...CustomerServerFields }\n  }\n  \n  \n"): (typeof documents)["\n  query MyServices {\n    data: myServices { ...CustomerServiceFields ...CustomerServerFields }\n  }\n  \n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PowerService($id: ID!, $action: PowerAction!) {\n    data: powerService(id: $id, action: $action) { id ...CustomerServerFields }\n  }\n  \n"): (typeof documents)["\n  mutation PowerService($id: ID!, $action: PowerAction!) {\n    data: powerService(id: $id, action: $action) { id ...CustomerServerFields }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrdersForServices {\n    data: myOrders(perPage: 50, sortField: \"createdAt\", sortOrder: DESC, filter: { status: [AWAITING_SPK, SPK_IN_PROGRESS, AWAITING_DOWN_PAYMENT, ACTIVE, SUSPENDED, COMPLETED] }) {\n      items { id number status serviceBlockedReason summary { arrearsAmount nextDue { dueDate amount } } items { id position productName category } services { id orderItemId } }\n    }\n  }\n"): (typeof documents)["\n  query MyOrdersForServices {\n    data: myOrders(perPage: 50, sortField: \"createdAt\", sortOrder: DESC, filter: { status: [AWAITING_SPK, SPK_IN_PROGRESS, AWAITING_DOWN_PAYMENT, ACTIVE, SUSPENDED, COMPLETED] }) {\n      items { id number status serviceBlockedReason summary { arrearsAmount nextDue { dueDate amount } } items { id position productName category } services { id orderItemId } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OsTemplates {\n    data: osTemplates\n  }\n"): (typeof documents)["\n  query OsTemplates {\n    data: osTemplates\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateService($input: CreateServiceInput!) {\n    data: createService(input: $input) { ...CustomerServiceFields }\n  }\n  \n"): (typeof documents)["\n  mutation CreateService($input: CreateServiceInput!) {\n    data: createService(input: $input) { ...CustomerServiceFields }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestContractChange($orderId: ID!, $input: ContractRequestInput!) {\n    data: requestContractChange(orderId: $orderId, input: $input) { id kind status }\n  }\n"): (typeof documents)["\n  mutation RequestContractChange($orderId: ID!, $input: ContractRequestInput!) {\n    data: requestContractChange(orderId: $orderId, input: $input) { id kind status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardPage($days: Int!, $limit: Int!, $money: Boolean!, $spk: Boolean!) {\n    data: dashboard {\n      today\n      activeOrders\n      overdue { orders installments amount }\n      receivables @include(if: $money) { amount installments orders }\n      collections @include(if: $money) { month settled settledCount refunded refundedCount net }\n      aging @include(if: $money) { bucket amount installments }\n      upcomingDue(days: $days, limit: $limit) { days total amount items { installmentId number dueDate amount orderId orderNumber customerName customerPhone } }\n      spksAwaitingStaff(limit: $limit) @include(if: $spk) { total items { spkId number status since orderId orderNumber customerName } }\n      work { ordersAwaitingSpk spksAwaitingStaff proofsToVerify servicesFailing secondChanceEnding }\n    }\n  }\n"): (typeof documents)["\n  query DashboardPage($days: Int!, $limit: Int!, $money: Boolean!, $spk: Boolean!) {\n    data: dashboard {\n      today\n      activeOrders\n      overdue { orders installments amount }\n      receivables @include(if: $money) { amount installments orders }\n      collections @include(if: $money) { month settled settledCount refunded refundedCount net }\n      aging @include(if: $money) { bucket amount installments }\n      upcomingDue(days: $days, limit: $limit) { days total amount items { installmentId number dueDate amount orderId orderNumber customerName customerPhone } }\n      spksAwaitingStaff(limit: $limit) @include(if: $spk) { total items { spkId number status since orderId orderNumber customerName } }\n      work { ordersAwaitingSpk spksAwaitingStaff proofsToVerify servicesFailing secondChanceEnding }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quote($productId: ID!, $planId: ID!, $quantity: Int!, $startDate: LocalDate) {\n    installmentQuote(productId: $productId, planId: $planId, quantity: $quantity, startDate: $startDate) {\n      downPayment financedAmount marginAmount totalPrice firstPayment monthlyInstallment vatAmount startDate\n      lines { number dueDate amount vat }\n    }\n  }\n"): (typeof documents)["\n  query Quote($productId: ID!, $planId: ID!, $quantity: Int!, $startDate: LocalDate) {\n    installmentQuote(productId: $productId, planId: $planId, quantity: $quantity, startDate: $startDate) {\n      downPayment financedAmount marginAmount totalPrice firstPayment monthlyInstallment vatAmount startDate\n      lines { number dueDate amount vat }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AssignOrder($id: ID!, $assigneeId: ID!) {\n      data: assignOrder(id: $id, assigneeId: $assigneeId) { id status }\n    }\n  "): (typeof documents)["\n    mutation AssignOrder($id: ID!, $assigneeId: ID!) {\n      data: assignOrder(id: $id, assigneeId: $assigneeId) { id status }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation CancelOrder($id: ID!, $reason: String!) {\n      data: cancelOrder(id: $id, reason: $reason) { id status }\n    }\n  "): (typeof documents)["\n    mutation CancelOrder($id: ID!, $reason: String!) {\n      data: cancelOrder(id: $id, reason: $reason) { id status }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SettlePayment($id: ID!) {\n      data: settlePayment(id: $id) { id status }\n    }\n  "): (typeof documents)["\n    mutation SettlePayment($id: ID!) {\n      data: settlePayment(id: $id) { id status }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RejectPayment($id: ID!, $input: ReasonInput!) {\n      data: rejectPayment(id: $id, input: $input) { id status }\n    }\n  "): (typeof documents)["\n    mutation RejectPayment($id: ID!, $input: ReasonInput!) {\n      data: rejectPayment(id: $id, input: $input) { id status }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RefundPayment($id: ID!, $input: ReasonInput!) {\n      data: refundPayment(id: $id, input: $input) { id status }\n    }\n  "): (typeof documents)["\n    mutation RefundPayment($id: ID!, $input: ReasonInput!) {\n      data: refundPayment(id: $id, input: $input) { id status }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunBillingPass {\n    data: runBillingPass { date statusChanges feesChanged reminders staffNotices graceExpired suspendedOrders }\n  }\n"): (typeof documents)["\n  mutation RunBillingPass {\n    data: runBillingPass { date statusChanges feesChanged reminders staffNotices graceExpired suspendedOrders }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewBillingPass {\n    data: previewBillingPass { date statusChanges feesChanged reminders staffNotices graceExpired suspendedOrders }\n  }\n"): (typeof documents)["\n  query PreviewBillingPass {\n    data: previewBillingPass { date statusChanges feesChanged reminders staffNotices graceExpired suspendedOrders }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadCount {\n    data: unreadCount\n  }\n"): (typeof documents)["\n  query UnreadCount {\n    data: unreadCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotifications($page: Int!, $perPage: Int!, $unreadOnly: Boolean!) {\n    data: myNotifications(page: $page, perPage: $perPage, unreadOnly: $unreadOnly) {\n      total\n      items { ...NotificationFields }\n    }\n  }\n  \n"): (typeof documents)["\n  query MyNotifications($page: Int!, $perPage: Int!, $unreadOnly: Boolean!) {\n    data: myNotifications(page: $page, perPage: $perPage, unreadOnly: $unreadOnly) {\n      total\n      items { ...NotificationFields }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkRead($id: ID!) {\n    data: markRead(id: $id) { id readAt }\n  }\n"): (typeof documents)["\n  mutation MarkRead($id: ID!) {\n    data: markRead(id: $id) { id readAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllRead {\n    data: markAllRead\n  }\n"): (typeof documents)["\n  mutation MarkAllRead {\n    data: markAllRead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification { id type title body link readAt createdAt }\n"): (typeof documents)["\n  fragment NotificationFields on Notification { id type title body link readAt createdAt }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationsResync { notificationsResync }\n"): (typeof documents)["\n  subscription NotificationsResync { notificationsResync }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationFields }\n  }\n  \n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationFields }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderTimeline($orderId: ID!) {\n    data: orderTimeline(orderId: $orderId) { id at action sentence parts { text kind refId } }\n  }\n"): (typeof documents)["\n  query OrderTimeline($orderId: ID!) {\n    data: orderTimeline(orderId: $orderId) { id at action sentence parts { text kind refId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendOverdueNotice($orderId: ID!) {\n    data: sendOverdueNotice(orderId: $orderId) { arrearsAmount daysLate waLink }\n  }\n"): (typeof documents)["\n  mutation SendOverdueNotice($orderId: ID!) {\n    data: sendOverdueNotice(orderId: $orderId) { arrearsAmount daysLate waLink }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendOrder($orderId: ID!, $reason: String) {\n    data: suspendOrder(orderId: $orderId, reason: $reason) { id status }\n  }\n"): (typeof documents)["\n  mutation SuspendOrder($orderId: ID!, $reason: String) {\n    data: suspendOrder(orderId: $orderId, reason: $reason) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsuspendOrder($orderId: ID!, $input: UnsuspendInput!) {\n    data: unsuspendOrder(orderId: $orderId, input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation UnsuspendOrder($orderId: ID!, $input: UnsuspendInput!) {\n    data: unsuspendOrder(orderId: $orderId, input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolvePaymentAnomaly($id: ID!, $input: ResolutionInput!) {\n    data: resolvePaymentAnomaly(id: $id, input: $input) { id resolvedAt }\n  }\n"): (typeof documents)["\n  mutation ResolvePaymentAnomaly($id: ID!, $input: ResolutionInput!) {\n    data: resolvePaymentAnomaly(id: $id, input: $input) { id resolvedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PrivacyRequestFields on PrivacyRequest { id kind status details createdAt dueAt handledAt resolution overdue kept { what why } }\n"): (typeof documents)["\n  fragment PrivacyRequestFields on PrivacyRequest { id kind status details createdAt dueAt handledAt resolution overdue kept { what why } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyPrivacyRequests { data: myPrivacyRequests { ...PrivacyRequestFields } } "): (typeof documents)["query MyPrivacyRequests { data: myPrivacyRequests { ...PrivacyRequestFields } } "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestPersonalData($input: PrivacyRequestInput!) { data: requestPersonalData(input: $input) { ...PrivacyRequestFields } } "): (typeof documents)["mutation RequestPersonalData($input: PrivacyRequestInput!) { data: requestPersonalData(input: $input) { ...PrivacyRequestFields } } "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrivacyRequests($filter: PrivacyRequestFilter, $page: Int, $perPage: Int) {\n  data: privacyRequests(filter: $filter, page: $page, perPage: $perPage) { total items { ...PrivacyRequestFields customer { id username fullName email } } }\n} "): (typeof documents)["query PrivacyRequests($filter: PrivacyRequestFilter, $page: Int, $perPage: Int) {\n  data: privacyRequests(filter: $filter, page: $page, perPage: $perPage) { total items { ...PrivacyRequestFields customer { id username fullName email } } }\n} "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CompletePrivacyCorrection($id: ID!, $input: PrivacyAnswerInput!) { data: completePrivacyCorrection(id: $id, input: $input) { id } }"): (typeof documents)["mutation CompletePrivacyCorrection($id: ID!, $input: PrivacyAnswerInput!) { data: completePrivacyCorrection(id: $id, input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejectPrivacyRequest($id: ID!, $input: PrivacyAnswerInput!) { data: rejectPrivacyRequest(id: $id, input: $input) { id } }"): (typeof documents)["mutation RejectPrivacyRequest($id: ID!, $input: PrivacyAnswerInput!) { data: rejectPrivacyRequest(id: $id, input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CarryOutErasure($id: ID!) { data: carryOutErasure(id: $id) { id } }"): (typeof documents)["mutation CarryOutErasure($id: ID!) { data: carryOutErasure(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatementLines { data: statementLines(perPage: 50) { total items { id bookedOn amount description payerName\n  suggestions { paymentId reference orderNumber customerName expected difference reasons } } } }"): (typeof documents)["query StatementLines { data: statementLines(perPage: 50) { total items { id bookedOn amount description payerName\n  suggestions { paymentId reference orderNumber customerName expected difference reasons } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ImportBankStatement($input: ImportStatementInput!) { data: importBankStatement(input: $input) { lines imported duplicates matched unmatched } }"): (typeof documents)["mutation ImportBankStatement($input: ImportStatementInput!) { data: importBankStatement(input: $input) { lines imported duplicates matched unmatched } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatchStatementLine($id: ID!, $paymentId: ID!) { data: matchStatementLine(id: $id, paymentId: $paymentId) { id } }"): (typeof documents)["mutation MatchStatementLine($id: ID!, $paymentId: ID!) { data: matchStatementLine(id: $id, paymentId: $paymentId) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DismissStatementLine($id: ID!, $input: DismissStatementLineInput!) { data: dismissStatementLine(id: $id, input: $input) { id } }"): (typeof documents)["mutation DismissStatementLine($id: ID!, $input: DismissStatementLineInput!) { data: dismissStatementLine(id: $id, input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderVirtualAccount($id: ID!) { data: order(id: $id) { id virtualAccount { bankCode number name status lastError } } }"): (typeof documents)["query OrderVirtualAccount($id: ID!) { data: order(id: $id) { id virtualAccount { bankCode number name status lastError } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryProvisioning($id: ID!) {\n    data: retryServiceProvisioning(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation RetryProvisioning($id: ID!) {\n    data: retryServiceProvisioning(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TerminateService($id: ID!, $reason: String!) {\n    data: terminateService(id: $id, reason: $reason) { id status }\n  }\n"): (typeof documents)["\n  mutation TerminateService($id: ID!, $reason: String!) {\n    data: terminateService(id: $id, reason: $reason) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshProviderSigning($id: ID!) {\n    data: refreshProviderSigning(spkId: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation RefreshProviderSigning($id: ID!) {\n    data: refreshProviderSigning(spkId: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SubmitSpk($id: ID!) {\n      data: submitSpkForReview(id: $id) { id status }\n    }\n  "): (typeof documents)["\n    mutation SubmitSpk($id: ID!) {\n      data: submitSpkForReview(id: $id) { id status }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ReviseSpk($id: ID!, $input: SpkNoteInput) {\n      data: reviseSpk(id: $id, input: $input) { id status }\n    }\n  "): (typeof documents)["\n    mutation ReviseSpk($id: ID!, $input: SpkNoteInput) {\n      data: reviseSpk(id: $id, input: $input) { id status }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SignSpk($id: ID!) {\n      data: signSpk(id: $id) { id status }\n    }\n  "): (typeof documents)["\n    mutation SignSpk($id: ID!) {\n      data: signSpk(id: $id) { id status }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ConfirmSpk($id: ID!) {\n      data: confirmSpk(id: $id) { id status }\n    }\n  "): (typeof documents)["\n    mutation ConfirmSpk($id: ID!) {\n      data: confirmSpk(id: $id) { id status }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RejectSpkSignature($id: ID!, $input: SpkReasonInput!) {\n      data: rejectSpkSignature(id: $id, input: $input) { id status }\n    }\n  "): (typeof documents)["\n    mutation RejectSpkSignature($id: ID!, $input: SpkReasonInput!) {\n      data: rejectSpkSignature(id: $id, input: $input) { id status }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation CancelSpk($id: ID!, $input: SpkReasonInput!) {\n      data: cancelSpk(id: $id, input: $input) { id status }\n    }\n  "): (typeof documents)["\n    mutation CancelSpk($id: ID!, $input: SpkReasonInput!) {\n      data: cancelSpk(id: $id, input: $input) { id status }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSpk($orderId: ID!) {\n    data: createSpk(orderId: $orderId) { id status }\n  }\n"): (typeof documents)["\n  mutation CreateSpk($orderId: ID!) {\n    data: createSpk(orderId: $orderId) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteStaffTask($id: ID!, $note: String) {\n    data: completeStaffTask(id: $id, note: $note) { id status }\n  }\n"): (typeof documents)["\n  mutation CompleteStaffTask($id: ID!, $note: String) {\n    data: completeStaffTask(id: $id, note: $note) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StampDutyReport($month: String!) {\n    data: stampDutyReport(month: $month) {\n      month stamps amount quotaTracked quotaOpening quotaPurchased purchaseCost quotaUsed quotaClosing\n      lines { documentKind borneBy stamps amount }\n    }\n  }\n"): (typeof documents)["\n  query StampDutyReport($month: String!) {\n    data: stampDutyReport(month: $month) {\n      month stamps amount quotaTracked quotaOpening quotaPurchased purchaseCost quotaUsed quotaClosing\n      lines { documentKind borneBy stamps amount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StampQuota {\n    data: stampQuota { opening bought used remaining low tracked }\n  }\n"): (typeof documents)["\n  query StampQuota {\n    data: stampQuota { opening bought used remaining low tracked }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StampQuotaPurchases {\n    data: stampQuotaPurchases { id purchasedOn quantity pricePerStamp reference status voidReason }\n  }\n"): (typeof documents)["\n  query StampQuotaPurchases {\n    data: stampQuotaPurchases { id purchasedOn quantity pricePerStamp reference status voidReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordStampQuotaPurchase($input: StampQuotaPurchaseInput!) {\n    data: recordStampQuotaPurchase(input: $input) { id quantity }\n  }\n"): (typeof documents)["\n  mutation RecordStampQuotaPurchase($input: StampQuotaPurchaseInput!) {\n    data: recordStampQuotaPurchase(input: $input) { id quantity }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidStampQuotaPurchase($id: ID!, $reason: String!) {\n    data: voidStampQuotaPurchase(id: $id, reason: $reason) { id status }\n  }\n"): (typeof documents)["\n  mutation VoidStampQuotaPurchase($id: ID!, $reason: String!) {\n    data: voidStampQuotaPurchase(id: $id, reason: $reason) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportCoretax($period: String!) {\n    data: exportCoretaxXml(period: $period) { fileName count xml }\n  }\n"): (typeof documents)["\n  mutation ExportCoretax($period: String!) {\n    data: exportCoretaxXml(period: $period) { fileName count xml }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportCoretaxNumbers($csv: String!) {\n    data: importCoretaxNumbers(csv: $csv) { line reference outcome field message }\n  }\n"): (typeof documents)["\n  mutation ImportCoretaxNumbers($csv: String!) {\n    data: importCoretaxNumbers(csv: $csv) { line reference outcome field message }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;