#!/usr/bin/env bash
# Exercises the Shop API of the running test server (./start.sh) through a whole
# guest checkout in each channel (default: USD, US address; dhow-eu: JPY, Japanese
# address) and saves the real responses as pretty JSON fixtures for Dhow's SDK
# tests, plus the Shop API schema (SDL) in sdk/schema/vendure-shop-api.graphql. Amounts are Vendure
# minor units with 2 decimals for every currency (JPY too: ¥14,900 is 1490000).
# Session tokens are sent as bearer tokens and never written to the fixtures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

SHOP_API="http://${DHOW_VENDURE_HOST:-127.0.0.1}:${DHOW_VENDURE_PORT:-3000}/shop-api"
OUT="${DHOW_VENDURE_FIXTURES:-../../sdk/tests/fixtures/vendure}"
mkdir -p "$OUT"
command -v jq >/dev/null || { echo "capture: jq is required" >&2; exit 1; }

TOKEN=""
CHANNEL=""
HDRS="$(mktemp)"
trap 'rm -f "$HDRS"' EXIT

# gql NAME QUERY [VARIABLES_JSON] [QUERY_STRING]: POST, save pretty JSON to $OUT/NAME.json
gql() {
    local name="$1" query="$2" vars="${3:-{\}}" qs="${4:-}"
    local args=(-sS --max-time 30 -D "$HDRS" -H 'content-type: application/json')
    [[ -n "$TOKEN" ]] && args+=(-H "authorization: Bearer $TOKEN")
    [[ -n "$CHANNEL" ]] && args+=(-H "vendure-token: $CHANNEL")
    local body
    body="$(jq -cn --arg q "$query" --argjson v "$vars" '{query: $q, variables: $v}')"
    local resp
    resp="$(curl "${args[@]}" --data "$body" "${SHOP_API}${qs}")"
    local t
    t="$(grep -i '^vendure-auth-token:' "$HDRS" | tail -n1 | cut -d' ' -f2 | tr -d '\r' || true)"
    [[ -n "$t" ]] && TOKEN="$t"
    if [[ "$(jq 'has("errors")' <<<"$resp")" == "true" ]]; then
        echo "capture: $name: GraphQL errors: $resp" >&2
        exit 1
    fi
    jq . <<<"$resp" >"$OUT/$name.json"
    echo "capture: $name.json $(jq -c "$5" <<<"$resp" 2>/dev/null || true)"
}

ORDER='fragment Order on Order {
  id code state active currencyCode totalQuantity
  subTotal subTotalWithTax shipping shippingWithTax total totalWithTax
  couponCodes
  discounts { description type amount amountWithTax }
  taxSummary { description taxRate taxBase taxTotal }
  lines {
    id quantity unitPrice unitPriceWithTax linePrice linePriceWithTax
    discountedLinePrice discountedLinePriceWithTax
    productVariant { id sku name }
    featuredAsset { preview }
  }
  shippingLines { shippingMethod { id code name } price priceWithTax }
  customer { firstName lastName emailAddress }
  shippingAddress { fullName streetLine1 city province postalCode countryCode }
  payments { id method amount state transactionId errorMessage metadata }
}'
ERR='... on ErrorResult { __typename errorCode message }'

gql channel '{ activeChannel { code token defaultCurrencyCode availableCurrencyCodes defaultLanguageCode availableLanguageCodes pricesIncludeTax } }' '{}' '' '.data.activeChannel'

PRODUCT_LIST='query Products($options: ProductListOptions) {
  products(options: $options) {
    totalItems
    items {
      id name slug description
      featuredAsset { id preview }
      variants { id sku name currencyCode price priceWithTax stockLevel }
    }
  }
}'
gql products "$PRODUCT_LIST" '{"options":{"take":4,"sort":{"name":"ASC"}}}' '?languageCode=en' \
    '{total: .data.products.totalItems, first: .data.products.items[0].variants[0] | {currencyCode, price, priceWithTax}}'

PRODUCT='query Product($slug: String!) {
  product(slug: $slug) {
    id name slug description
    featuredAsset { id preview }
    assets { id preview }
    facetValues { code name facet { code name } }
    collections { slug name }
    optionGroups { id code name options { id code name } }
    variants {
      id sku name currencyCode price priceWithTax stockLevel
      taxCategory { name } taxRateApplied { name value }
      options { id code name group { code } }
    }
  }
}'
gql product "$PRODUCT" '{"slug":"merino-crew-sweater"}' '?languageCode=en' \
    '[.data.product.variants[0,-1] | {sku, currencyCode, price, priceWithTax, stockLevel}]'
# GBP and JPY are currencies of the dhow-eu channel (prices include tax).
CHANNEL="dhow-eu"
gql product_gbp "$PRODUCT" '{"slug":"merino-crew-sweater"}' '?currencyCode=GBP&languageCode=en' \
    '[.data.product.variants[0] | {sku, currencyCode, price, priceWithTax}]'
gql product_jpy "$PRODUCT" '{"slug":"merino-crew-sweater"}' '?currencyCode=JPY&languageCode=en' \
    '[.data.product.variants[0] | {sku, currencyCode, price, priceWithTax}]'
gql product_de "$PRODUCT" '{"slug":"merino-crew-sweater"}' '?languageCode=de' \
    '{name: .data.product.name, v: [.data.product.variants[0] | {sku, currencyCode, priceWithTax}]}'
CHANNEL=""
gql product_missing "$PRODUCT" '{"slug":"no-such-product"}' '' '.data'

gql search 'query Search($input: SearchInput!) {
  search(input: $input) {
    totalItems
    items {
      productId productName slug sku currencyCode inStock
      productAsset { preview }
      price { ... on PriceRange { min max } ... on SinglePrice { value } }
      priceWithTax { ... on PriceRange { min max } ... on SinglePrice { value } }
    }
    facetValues { count facetValue { code name facet { code } } }
  }
}' '{"input":{"term":"merino","groupByProduct":true,"take":5}}' '' '{total: .data.search.totalItems, first: .data.search.items[0] | {slug, currencyCode, priceWithTax, inStock}}'

# Variant ids for the checkout.
# Merino Crew Sweater M / Navy, and XL / Forest, which is sold out (0 on hand, stock tracked).
VARIANT_ID="$(jq -r '.data.product.variants[] | select(.sku=="DG-MCS-M-NAV") | .id' "$OUT/product.json")"
OOS_ID="$(jq -r '.data.product.variants[] | select(.sku=="DG-MCS-XL-FOR") | .id' "$OUT/product.json")"
[[ -n "$VARIANT_ID" && -n "$OOS_ID" ]] || { echo "capture: seeded variants not found: is the server seeded by src/populate.js?" >&2; exit 1; }

ADD='mutation Add($id: ID!, $qty: Int!) {
  addItemToOrder(productVariantId: $id, quantity: $qty) {
    __typename ...Order
    '"$ERR"'
    ... on InsufficientStockError { quantityAvailable }
    ... on OrderLimitError { maxItems }
  }
}'"$ORDER"
gql add_item "$ADD" "{\"id\":\"$VARIANT_ID\",\"qty\":2}" '' '.data.addItemToOrder | {__typename, code, currencyCode, subTotal, subTotalWithTax, totalWithTax}'
[[ -n "$TOKEN" ]] || { echo "capture: no vendure-auth-token header on addItemToOrder" >&2; exit 1; }
echo "capture: session token received in the vendure-auth-token header (${#TOKEN} chars, not saved)"
gql insufficient_stock "$ADD" "{\"id\":\"$OOS_ID\",\"qty\":1}" '' '.data.addItemToOrder | {__typename, errorCode, message, quantityAvailable}'

COUPON='mutation Coupon($code: String!) {
  applyCouponCode(couponCode: $code) { __typename ...Order '"$ERR"' ... on CouponCodeInvalidError { couponCode } }
}'"$ORDER"
gql coupon_invalid "$COUPON" '{"code":"NOT-A-CODE"}' '' '.data.applyCouponCode | {__typename, errorCode, message}'
gql coupon_applied "$COUPON" '{"code":"WELCOME10"}' '' '.data.applyCouponCode | {__typename, couponCodes, subTotalWithTax, discounts, totalWithTax}'

gql customer 'mutation Customer($input: CreateCustomerInput!) {
  setCustomerForOrder(input: $input) { __typename ...Order '"$ERR"' }
}'"$ORDER" '{"input":{"emailAddress":"guest@example.com","firstName":"Test","lastName":"Guest"}}' '' '.data.setCustomerForOrder | {__typename, customer}'

gql shipping_address 'mutation Address($input: CreateAddressInput!) {
  setOrderShippingAddress(input: $input) { __typename ...Order '"$ERR"' }
}'"$ORDER" '{"input":{"fullName":"Test Guest","streetLine1":"1 Test Street","city":"Harrisburg","province":"PA","postalCode":"17101","countryCode":"US"}}' '' '.data.setOrderShippingAddress | {__typename, shippingAddress, totalWithTax}'

gql shipping_methods '{ eligibleShippingMethods { id code name description price priceWithTax } }' '{}' '' '[.data.eligibleShippingMethods[] | {id, code, price, priceWithTax}]'
SHIP_ID="$(jq -r '.data.eligibleShippingMethods[0].id' "$OUT/shipping_methods.json")"

gql shipping_method_set 'mutation Ship($ids: [ID!]!) {
  setOrderShippingMethod(shippingMethodId: $ids) { __typename ...Order '"$ERR"' }
}'"$ORDER" "{\"ids\":[\"$SHIP_ID\"]}" '' '.data.setOrderShippingMethod | {__typename, shipping, shippingWithTax, totalWithTax}'

gql active_order 'query { activeOrder { ...Order } }'"$ORDER" '{}' '' '.data.activeOrder | {code, state, currencyCode, subTotal, subTotalWithTax, shippingWithTax, total, totalWithTax, taxSummary}'

gql next_states '{ nextOrderStates }' '{}' '' '.data.nextOrderStates'
gql arranging_payment 'mutation { transitionOrderToState(state: "ArrangingPayment") { __typename ...Order '"$ERR"' ... on OrderStateTransitionError { transitionError fromState toState } } }'"$ORDER" '{}' '' '.data.transitionOrderToState | {__typename, state}'

gql payment_methods '{ eligiblePaymentMethods { id code name description isEligible eligibilityMessage } }' '{}' '' '[.data.eligiblePaymentMethods[] | {code, isEligible}]'
PAY_CODE="$(jq -r '.data.eligiblePaymentMethods[] | select(.isEligible) | .code' "$OUT/payment_methods.json" | head -n1)"

PAY='mutation Pay($input: PaymentInput!) {
  addPaymentToOrder(input: $input) { __typename ...Order '"$ERR"' ... on PaymentDeclinedError { paymentErrorMessage } ... on PaymentFailedError { paymentErrorMessage } }
}'"$ORDER"
gql payment_declined "$PAY" "{\"input\":{\"method\":\"$PAY_CODE\",\"metadata\":{\"shouldDecline\":true}}}" '' '.data.addPaymentToOrder | {__typename, errorCode, message, paymentErrorMessage}'
gql payment_accepted "$PAY" "{\"input\":{\"method\":\"$PAY_CODE\",\"metadata\":{}}}" '' '.data.addPaymentToOrder | {__typename, code, state, totalWithTax, payments: [.payments[] | {method, amount, state}]}'
CODE="$(jq -r '.data.addPaymentToOrder.code' "$OUT/payment_accepted.json")"

gql order 'query ByCode($code: String!) { orderByCode(code: $code) { ...Order } }'"$ORDER" "{\"code\":\"$CODE\"}" '' '.data.orderByCode | {code, state, active, totalWithTax}'
gql active_order_after 'query { activeOrder { id code } }' '{}' '' '.data'

# Second channel: prices include tax; EUR by default.
TOKEN=""
CHANNEL="dhow-eu"
gql eu_channel '{ activeChannel { code token defaultCurrencyCode availableCurrencyCodes pricesIncludeTax } }' '{}' '' '.data.activeChannel'
gql eu_product "$PRODUCT" '{"slug":"merino-crew-sweater"}' '?languageCode=en' '[.data.product.variants[0] | {sku, currencyCode, price, priceWithTax}]'
gql eu_add_item "$ADD" "{\"id\":\"$VARIANT_ID\",\"qty\":1}" '' '.data.addItemToOrder | {__typename, currencyCode, subTotal, subTotalWithTax, lines: [.lines[] | {unitPrice, unitPriceWithTax}], taxSummary}'

# Same channel, a new session in JPY (every request names the currency), to a Japanese address.
TOKEN=""
JPY='?currencyCode=JPY'
gql jpy_add_item "$ADD" "{\"id\":\"$VARIANT_ID\",\"qty\":2}" "$JPY" '.data.addItemToOrder | {__typename, currencyCode, subTotal, subTotalWithTax, lines: [.lines[] | {unitPrice, unitPriceWithTax}]}'
gql jpy_coupon_applied "$COUPON" '{"code":"WELCOME10"}' "$JPY" '.data.applyCouponCode | {__typename, couponCodes, subTotalWithTax, totalWithTax}'
gql jpy_customer 'mutation Customer($input: CreateCustomerInput!) {
  setCustomerForOrder(input: $input) { __typename ...Order '"$ERR"' }
}'"$ORDER" '{"input":{"emailAddress":"guest@example.com","firstName":"Test","lastName":"Guest"}}' "$JPY" '.data.setCustomerForOrder | {__typename}'
gql jpy_shipping_address 'mutation Address($input: CreateAddressInput!) {
  setOrderShippingAddress(input: $input) { __typename ...Order '"$ERR"' }
}'"$ORDER" '{"input":{"fullName":"Test Guest","streetLine1":"1-1 Chiyoda","city":"Chiyoda-ku","province":"Tokyo","postalCode":"100-0001","countryCode":"JP"}}' "$JPY" '.data.setOrderShippingAddress | {__typename, subTotalWithTax, taxSummary}'
gql jpy_shipping_methods '{ eligibleShippingMethods { id code name description price priceWithTax } }' '{}' "$JPY" '[.data.eligibleShippingMethods[] | {code, price, priceWithTax}]'
JPY_SHIP_ID="$(jq -r '.data.eligibleShippingMethods[0].id' "$OUT/jpy_shipping_methods.json")"
gql jpy_shipping_method_set 'mutation Ship($ids: [ID!]!) {
  setOrderShippingMethod(shippingMethodId: $ids) { __typename ...Order '"$ERR"' }
}'"$ORDER" "{\"ids\":[\"$JPY_SHIP_ID\"]}" "$JPY" '.data.setOrderShippingMethod | {__typename, shipping, shippingWithTax, totalWithTax}'
gql jpy_arranging_payment 'mutation { transitionOrderToState(state: "ArrangingPayment") { __typename ...Order '"$ERR"' ... on OrderStateTransitionError { transitionError fromState toState } } }'"$ORDER" '{}' "$JPY" '.data.transitionOrderToState | {__typename, state}'
gql jpy_payment_declined "$PAY" "{\"input\":{\"method\":\"$PAY_CODE\",\"metadata\":{\"shouldDecline\":true}}}" "$JPY" '.data.addPaymentToOrder | {__typename, errorCode}'
gql jpy_order "$PAY" "{\"input\":{\"method\":\"$PAY_CODE\",\"metadata\":{}}}" "$JPY" '.data.addPaymentToOrder | {__typename, code, state, currencyCode, subTotalWithTax, shippingWithTax, totalWithTax, taxSummary}'
CHANNEL=""
TOKEN=""

SCHEMA=../../sdk/schema/vendure-shop-api.graphql
echo "capture: writing the Shop API schema to $SCHEMA"
SHOP_API="$SHOP_API" SCHEMA="$SCHEMA" node -e '
const { getIntrospectionQuery, buildClientSchema, printSchema } = require("graphql");
fetch(process.env.SHOP_API, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
}).then(r => r.json()).then(body => {
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const sdl = "# Vendure 3.7.3 Shop API schema, generated by capture-fixtures.sh from the running test server.\n\n"
        + printSchema(buildClientSchema(body.data)) + "\n";
    require("fs").writeFileSync(process.env.SCHEMA, sdl);
    console.log("capture: " + process.env.SCHEMA + " " + sdl.split("\n").length + " lines");
}).catch(e => { console.error(e); process.exit(1); });
'
