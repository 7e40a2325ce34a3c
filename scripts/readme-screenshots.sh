#!/bin/sh
# Retakes the README's screenshots of the customer portal (docs/screenshots/) with the browser test
# harness: the portal's browser test writes them when README_SCREENSHOTS=1. Needs TEST_DATABASE_URL
# (or the embedded database) and a built admin (npm run build:admin).
set -e
cd "$(dirname "$0")/.."
README_SCREENSHOTS=1 npx vitest run test/admin/portal.browser.test.ts
