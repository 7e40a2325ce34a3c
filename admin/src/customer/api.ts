import { gql } from '@apollo/client';

/**
 * The customer area's GraphQL operations outside react-admin's CRUD, called with callApi (root
 * field aliased as `data`). Every one of them answers only about the caller's own records.
 */

export const ME = gql`
  query Me {
    data: me { id username email fullName phone nik company companyTitle companyAddress address locale notifyByEmail notifyByWhatsApp role }
  }
`;

export const UPDATE_PROFILE = gql`
  mutation UpdateMyProfile($input: ProfileInput!) {
    data: updateMyProfile(input: $input) { id email fullName phone nik company companyTitle companyAddress address locale notifyByEmail notifyByWhatsApp }
  }
`;

export const CHANGE_PASSWORD = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    data: changePassword(input: $input)
  }
`;

export const MY_CART = gql`
  query MyCart {
    data: myCart {
      id quantity
      product { id name category cashPrice specs { cpu ramGb storageGb storageType bandwidth rackUnits powerWatts ipv4Count } }
      plan { id name tenorMonths }
    }
  }
`;

export const ADD_TO_CART = gql`
  mutation AddToCart($input: AddToCartInput!) {
    data: addToCart(input: $input) { id quantity }
  }
`;

export const SET_CART_QUANTITY = gql`
  mutation SetCartItemQuantity($id: ID!, $quantity: Int!) {
    data: setCartItemQuantity(id: $id, quantity: $quantity) { id quantity }
  }
`;

export const CHECKOUT = gql`
  mutation Checkout {
    data: checkout { id number }
  }
`;

export const AMOUNT_DUE = gql`
  query AmountDue($orderId: ID!) {
    data: amountDue(orderId: $orderId)
  }
`;

export const PAYOFF_QUOTE = gql`
  query PayoffQuote($orderId: ID!) {
    data: payoffQuote(orderId: $orderId)
  }
`;

export const CREATE_PAYMENT = gql`
  mutation CreatePayment($input: CreatePaymentInput!) {
    data: createPayment(input: $input) { id reference amount method status redirectUrl proofUploadUrl transferAmount uniqueCode qrString }
  }
`;

export const APPROVE_SPK = gql`
  mutation ApproveSpk($id: ID!) {
    data: approveSpk(id: $id) { id status }
  }
`;

export const START_PROVIDER_SIGNING = gql`
  mutation StartProviderSigning($id: ID!, $input: StartProviderSigningInput) {
    data: startProviderSigning(spkId: $id, input: $input) { id state }
  }
`;

export const CONFIRM_PROVIDER_OTP = gql`
  mutation ConfirmProviderOtp($id: ID!, $input: ProviderOtpInput!) {
    data: confirmProviderOtp(spkId: $id, input: $input) { id status }
  }
`;

export const REQUEST_SPK_REVISION = gql`
  mutation RequestSpkRevision($id: ID!, $input: SpkReasonInput!) {
    data: requestSpkRevision(id: $id, input: $input) { id status }
  }
`;

const SERVICE_FIELDS = gql`
  fragment CustomerServiceFields on Service { id label hostname status provisioning driver hostingUrl osTemplate orderId orderItemId suspensionCause lastError createdAt }
`;

/** The driver's report on each server: asked only on "Layanan saya" (one driver call per service). */
const SERVER_FIELDS = gql`
  fragment CustomerServerFields on Service { powerActions details { power ipAddresses access { label value } consoleUrl unavailable } }
`;

export const MY_SERVICES = gql`
  query MyServices {
    data: myServices { ...CustomerServiceFields ...CustomerServerFields }
  }
  ${SERVICE_FIELDS}
  ${SERVER_FIELDS}
`;

export const POWER_SERVICE = gql`
  mutation PowerService($id: ID!, $action: PowerAction!) {
    data: powerService(id: $id, action: $action) { id ...CustomerServerFields }
  }
  ${SERVER_FIELDS}
`;

/**
 * The orders services belong to or can be made for, newest first. Cancelled ones never have any; 50
 * keeps the query under the API's complexity limit (each order brings its items and services).
 */
export const MY_ORDERS_FOR_SERVICES = gql`
  query MyOrdersForServices {
    data: myOrders(perPage: 50, sortField: "createdAt", sortOrder: DESC, filter: { status: [AWAITING_SPK, SPK_IN_PROGRESS, AWAITING_DOWN_PAYMENT, ACTIVE, SUSPENDED, COMPLETED] }) {
      items { id number status serviceBlockedReason summary { arrearsAmount nextDue { dueDate amount } } items { id position productName category } services { id orderItemId } }
    }
  }
`;

export const OS_TEMPLATES = gql`
  query OsTemplates {
    data: osTemplates
  }
`;

export const CREATE_SERVICE = gql`
  mutation CreateService($input: CreateServiceInput!) {
    data: createService(input: $input) { ...CustomerServiceFields }
  }
  ${SERVICE_FIELDS}
`;
