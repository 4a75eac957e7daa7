// Walks the Store API of the running test backend (start.sh) the way Dhow does, and saves the
// real responses as pretty-printed fixtures for the SDK's tests; then provokes each refusal the
// adapter's error table (sdk/src/medusa/errors.rs) reads and saves it, status included, as
// errors/<rule>.json: { "request": "<method> <path>", "status": <n>, "body": <answer> }.
//   node record-fixtures.mjs [out-dir]            everything (default: ../../sdk/tests/fixtures/medusa)
//   node record-fixtures.mjs --errors [out-dir]   only the refusals (errors/*.json)
// Nothing secret is written: responses never contain the publishable key, and a file that would
// is refused.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const errorsOnly = args.includes("--errors")
const out = resolve(args.find((a) => !a.startsWith("--")) || resolve(here, "../../sdk/tests/fixtures/medusa"))
const base = process.env.MEDUSA_URL || "http://127.0.0.1:9000"
const key = readFileSync(resolve(here, ".publishable-key"), "utf8").trim()
mkdirSync(out, { recursive: true })

async function call(method, path, body, okStatuses = [200]) {
  const res = await fetch(base + path, {
    method,
    headers: { "x-publishable-api-key": key, "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = await res.json()
  const line = `${method} ${path} -> ${res.status}`
  if (!okStatuses.includes(res.status)) {
    console.error(line, JSON.stringify(json))
    throw new Error(line)
  }
  console.log(line)
  return json
}
const save = (name, json) => {
  if (JSON.stringify(json).includes(key)) throw new Error(`${name} would hold the publishable key`)
  writeFileSync(resolve(out, name), JSON.stringify(json, null, 2) + "\n")
  console.log(`  saved ${name}`)
}
// The `fields` the SDK's adapter asks for, read from its source so the fixtures hold exactly
// what the adapter reads (line totals are only computed when asked for by name).
const wire = readFileSync(resolve(here, "../../sdk/src/medusa/wire.rs"), "utf8")
const rustConst = (name) => {
  const m = wire.match(new RegExp(`const ${name}: &str =\\s*"([^"]*)"`, "s"))
  if (!m) throw new Error(`${name} not found in sdk/src/medusa/wire.rs`)
  return m[1].replace(/\\\n\s*/g, "")
}
const price = encodeURIComponent(rustConst("PRODUCT_FIELDS"))
const cartFields = `fields=${encodeURIComponent(rustConst("CART_FIELDS"))}`
const orderFields = `fields=${encodeURIComponent(rustConst("ORDER_FIELDS"))}`

const regions = await call("GET", "/store/regions")
const region = (c) => regions.regions.find((r) => r.currency_code === c)
const eur = region("eur"), usd = region("usd")
const address = {
  first_name: "Erika", last_name: "Mustermann", address_1: "Hafenstraße 1",
  city: "Hamburg", postal_code: "20457", country_code: "de", phone: "+49 40 000000",
}

if (!errorsOnly) {
save("regions.json", regions)

save("products.json", await call("GET", `/store/products?region_id=${eur.id}&fields=${price}&order=handle&limit=20`))
const { products: [mug] } = await call("GET", `/store/products?handle=enamel-camp-mug&region_id=${eur.id}&fields=${price}`)
save("product.json", await call("GET", `/store/products/${mug.id}?region_id=${eur.id}&fields=${price}`))
const { products: [tee] } = await call("GET", `/store/products?handle=garment-dyed-tee&region_id=${eur.id}&fields=${price}`)
const { products: [usdMug] } = await call("GET", `/store/products?handle=enamel-camp-mug&region_id=${usd.id}&fields=${price}`)
save("product_usd.json", usdMug)

// EUR cart (tax-inclusive prices), shipped to Germany.
let { cart } = await call("POST", `/store/carts?${cartFields}`, { region_id: eur.id })
;({ cart } = await call("POST", `/store/carts/${cart.id}/line-items?${cartFields}`, { variant_id: mug.variants[0].id, quantity: 2 }))
save("cart.json", { cart })
const soldOut = tee.variants.find((v) => v.inventory_quantity === 0)
save("error_out_of_stock.json", await call("POST", `/store/carts/${cart.id}/line-items`, { variant_id: soldOut.id, quantity: 1 }, [400, 409, 422, 500]))
save("error_unknown_promotion.json", await call("POST", `/store/carts/${cart.id}/promotions`, { promo_codes: ["NOPE"] }, [200, 400, 404, 422]))
;({ cart } = await call("POST", `/store/carts/${cart.id}/promotions?${cartFields}`, { promo_codes: ["WELCOME10"] }))
save("cart_with_promotion.json", { cart })
;({ cart } = await call("POST", `/store/carts/${cart.id}?${cartFields}`, {
  email: "erika@example.com", shipping_address: address, billing_address: address,
}))
const options = await call("GET", `/store/shipping-options?cart_id=${cart.id}`)
save("shipping_options.json", options)
const standard = options.shipping_options.find((o) => o.name === "Standard")
;({ cart } = await call("POST", `/store/carts/${cart.id}/shipping-methods?${cartFields}`, { option_id: standard.id }))
save("cart_ready.json", { cart })
const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cart.id })
save("payment_collection.json", await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }))
const completion = await call("POST", `/store/carts/${cart.id}/complete`)
save("complete.json", completion)
save("complete_again.json", await call("POST", `/store/carts/${cart.id}/complete`))
save("order.json", await call("GET", `/store/orders/${completion.order.id}?${orderFields}`))

// USD cart (tax-exclusive prices), shipped to New York: sales tax comes on top, also on
// shipping; 10 % off three mugs.
;({ cart } = await call("POST", `/store/carts?${cartFields}`, { region_id: usd.id }))
;({ cart } = await call("POST", `/store/carts/${cart.id}/line-items?${cartFields}`, { variant_id: usdMug.variants[0].id, quantity: 3 }))
;({ cart } = await call("POST", `/store/carts/${cart.id}/promotions?${cartFields}`, { promo_codes: ["WELCOME10"] }))
;({ cart } = await call("POST", `/store/carts/${cart.id}?${cartFields}`, {
  email: "sam@example.com",
  shipping_address: { first_name: "Sam", last_name: "Doe", address_1: "1 Main St", city: "New York", province: "us-ny", postal_code: "10001", country_code: "us" },
}))
const usdOptions = await call("GET", `/store/shipping-options?cart_id=${cart.id}`)
;({ cart } = await call("POST", `/store/carts/${cart.id}/shipping-methods?${cartFields}`, { option_id: usdOptions.shipping_options.find((o) => o.name === "Standard").id }))
save("cart_usd_ny.json", { cart })

// JPY cart (no minor unit, tax-inclusive): 10 % off one mug, consumption tax inside the prices.
const jpy = region("jpy")
const { products: [jpyMug] } = await call("GET", `/store/products?handle=enamel-camp-mug&region_id=${jpy.id}&fields=${price}`)
;({ cart } = await call("POST", `/store/carts?${cartFields}`, { region_id: jpy.id }))
;({ cart } = await call("POST", `/store/carts/${cart.id}/line-items?${cartFields}`, { variant_id: jpyMug.variants[0].id, quantity: 1 }))
;({ cart } = await call("POST", `/store/carts/${cart.id}/promotions?${cartFields}`, { promo_codes: ["WELCOME10"] }))
save("cart_jpy.json", { cart })
}

// Refusals, one per rule of the error table, each as the adapter's request would get it. Ids
// that do not exist are well-formed (Medusa's prefix + ULID) so that only their absence is
// refused. The status is kept: several rules match on it.
mkdirSync(resolve(out, "errors"), { recursive: true })
async function refusal(rule, method, path, body, headerKey = key) {
  const headers = { "content-type": "application/json" }
  if (headerKey !== null) headers["x-publishable-api-key"] = headerKey
  const res = await fetch(base + path, { method, headers, body: body ? JSON.stringify(body) : undefined })
  const text = await res.text()
  const line = `${method} ${path} -> ${res.status} (${rule})`
  if (res.status < 400) {
    console.error(line, text.slice(0, 300))
    throw new Error(`${line}: not refused`)
  }
  console.log(line)
  let answer
  try { answer = JSON.parse(text) } catch { answer = text }
  save(`errors/${rule}.json`, { request: `${method} ${path}`, status: res.status, body: answer })
}
const missing = (prefix) => `${prefix}_01JZZZZZZZZZZZZZZZZZZZZZZZ`
const { products: [errMug] } = await call("GET", `/store/products?handle=enamel-camp-mug&region_id=${eur.id}&fields=${price}`)
const { products: [errTee] } = await call("GET", `/store/products?handle=garment-dyed-tee&region_id=${eur.id}&fields=${price}`)
const mugVariant = errMug.variants[0].id

// An open EUR cart holding one mug.
let { cart: open } = await call("POST", "/store/carts", { region_id: eur.id })
;({ cart: open } = await call("POST", `/store/carts/${open.id}/line-items`, { variant_id: mugVariant, quantity: 1 }))
const openPath = `/store/carts/${open.id}`
await refusal("out_of_stock", "POST", `${openPath}/line-items`, { variant_id: errTee.variants.find((v) => v.inventory_quantity === 0).id, quantity: 1 })
await refusal("variant_unknown", "POST", `${openPath}/line-items`, { variant_id: missing("variant"), quantity: 1 })
await refusal("line_unknown", "POST", `${openPath}/line-items/${missing("cali")}`, { quantity: 2 })
await refusal("email_refused", "POST", openPath, { email: "erika.example.com" })
await refusal("country_not_in_region", "POST", openPath, { shipping_address: { ...address, country_code: "us", city: "New York", postal_code: "10001" } })
await refusal("shipping_option_refused", "POST", `${openPath}/shipping-methods`, { option_id: missing("so") })
await refusal("promotion_unknown", "POST", `${openPath}/promotions`, { promo_codes: ["NOPE"] })
await refusal("cart_not_found", "GET", `/store/carts/${missing("cart")}`)
await refusal("order_not_found", "GET", `/store/orders/${missing("order")}`)
await refusal("not_found_status", "GET", `/store/products/${missing("prod")}`)
// 401 comes only from routes that need a signed-in customer; the adapter calls none.
await refusal("unauthorized_status", "GET", "/store/customers/me")
// A missing or wrong publishable key is `not_allowed` (400), not 401.
await refusal("publishable_key_refused", "GET", "/store/regions", undefined, "pk_not_a_key")
await refusal("publishable_key_refused.missing", "GET", "/store/regions", undefined, null)

// A completed EUR cart: every change to it is refused, a code included.
let { cart: done } = await call("POST", "/store/carts", { region_id: eur.id })
await call("POST", `/store/carts/${done.id}/line-items`, { variant_id: mugVariant, quantity: 1 })
await call("POST", `/store/carts/${done.id}`, { email: "erika@example.com", shipping_address: address, billing_address: address })
const { shipping_options: doneOptions } = await call("GET", `/store/shipping-options?cart_id=${done.id}`)
const doneOption = doneOptions.find((o) => o.name === "Standard").id
await call("POST", `/store/carts/${done.id}/shipping-methods`, { option_id: doneOption })
const { payment_collection: donePayment } = await call("POST", "/store/payment-collections", { cart_id: done.id })
await call("POST", `/store/payment-collections/${donePayment.id}/payment-sessions`, { provider_id: "pp_system_default" })
await call("POST", `/store/carts/${done.id}/complete`)
await refusal("cart_completed", "POST", `/store/carts/${done.id}/promotions`, { promo_codes: ["WELCOME10"] })
await refusal("cart_completed.shipping", "POST", `/store/carts/${done.id}/shipping-methods`, { option_id: doneOption })
