// Walks the Store API of the running test backend (start.sh) the way Dhow does, and saves the
// real responses as pretty-printed fixtures for the SDK's tests.
//   node record-fixtures.mjs [out-dir]   (default: ../../sdk/tests/fixtures/medusa)
// Nothing secret is written: responses never contain the publishable key.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const out = resolve(process.argv[2] || resolve(here, "../../sdk/tests/fixtures/medusa"))
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
save("regions.json", regions)
const region = (c) => regions.regions.find((r) => r.currency_code === c)
const eur = region("eur"), usd = region("usd")

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
const address = {
  first_name: "Erika", last_name: "Mustermann", address_1: "Hafenstraße 1",
  city: "Hamburg", postal_code: "20457", country_code: "de", phone: "+49 40 000000",
}
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
