/**
 * Links the API puts in notifications, emails, the hosting page and the payment gateway's return
 * address have the form `/admin/#/my-orders/<id>/show` (and `#/my-orders/<id>` after paying). The
 * app routes by path, so such a hash becomes the path before the router reads the address.
 */
export function followHashLink(location: Location = window.location): void {
  const match = /^#(\/[\w\-/]*)$/.exec(location.hash);
  if (!match) return;
  let path = match[1]!;
  if (/^\/(my-orders|orders)\/[^/]+$/.test(path)) path += '/show';
  window.history.replaceState(window.history.state, '', `/admin${path}${location.search}`);
}
