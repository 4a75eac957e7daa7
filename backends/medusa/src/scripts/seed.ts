// Seeds the Medusa test backend with data written for Dhow.
// Run with: npx medusa exec ./src/scripts/seed.ts
//
// The products, prices, SKUs, stock, shipping rates and tax rates are read from Dhow's own demo
// catalog (public/catalog.json), so the Medusa backend and the embedded engine sell the same things
// at the same prices. Every step checks first and skips what already exists, so re-running the
// script on a seeded database changes nothing (it only re-writes .publishable-key).
import * as fs from "fs"
import * as path from "path"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createPromotionsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateInventoryLevelsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

const BACKEND_DIR = process.cwd()
const CATALOG_PATH =
  process.env.DHOW_CATALOG || path.resolve(BACKEND_DIR, "..", "..", "public", "catalog.json")
const KEY_FILE = path.resolve(BACKEND_DIR, ".publishable-key")

const SALES_CHANNEL = "Dhow Storefront"
const API_KEY_TITLE = "Dhow storefront (tests)"
const STOCK_LOCATION = "Dhow Warehouse"
const FULFILLMENT_SET = "Dhow shipping"
const PROMO_CODE = "WELCOME10"
// Units stocked per unit of the catalog's stock (the catalog's 16 become 16,000).
const STOCK_FACTOR = 1000

// Products taken from Dhow's catalog (all have Size and/or Colour options).
const PRODUCT_HANDLES = [
  "merino-crew-sweater",
  "enamel-camp-mug",
  "wool-overcoat",
  "leather-luggage-tag",
  "canvas-market-tote",
  "garment-dyed-tee",
  "cashmere-beanie",
]

// Regions mirror Dhow's markets: US prices exclude tax; EU, UK and Japan prices include it.
const REGIONS = [
  { name: "United States", currency_code: "usd", countries: ["us"], is_tax_inclusive: false },
  { name: "Europe", currency_code: "eur", countries: ["de", "fr"], is_tax_inclusive: true },
  { name: "United Kingdom", currency_code: "gbp", countries: ["gb"], is_tax_inclusive: true },
  { name: "Japan", currency_code: "jpy", countries: ["jp"], is_tax_inclusive: true },
]

// Medusa stores tax rates as percentages (19 means 19 %).
const TAX_REGIONS = [
  { country_code: "us", name: "Sales tax", rate: 6, provinces: [{ code: "us-ny", name: "NY sales tax", rate: 4 }] },
  { country_code: "de", name: "VAT", rate: 19, provinces: [] },
  { country_code: "fr", name: "TVA", rate: 20, provinces: [] },
  { country_code: "gb", name: "VAT", rate: 20, provinces: [] },
  { country_code: "jp", name: "Consumption tax", rate: 10, provinces: [] },
]

type Money = { amount: string; currency: string }
type CatalogVariant = { sku: string; options: string[]; prices: Money[]; stock: number }
type CatalogProduct = {
  handle: string
  title: string
  description: string
  images?: { url: string }[]
  options: { name: string; values: string[] }[]
  variants: CatalogVariant[]
}

// Amounts are major units in Medusa v2 (JSON numbers): "16.90" EUR -> 16.9, "2700" JPY -> 2700.
const major = (m: Money) => Number(m.amount)

export default async function seedDhow({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const storeModule = container.resolve(Modules.STORE)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const promotionModule = container.resolve(Modules.PROMOTION)
  const step = (msg: string) => logger.info(`[dhow-seed] ${msg}`)

  const catalog = JSON.parse(fs.readFileSync(CATALOG_PATH, "utf8"))
  const catalogProducts: CatalogProduct[] = PRODUCT_HANDLES.map((h) => {
    const p = catalog.products.find((x: CatalogProduct) => x.handle === h)
    if (!p) throw new Error(`product ${h} not found in ${CATALOG_PATH}`)
    return p
  })

  // --- Sales channel -------------------------------------------------------------------------
  let [channel] = await salesChannelModule.listSalesChannels({ name: SALES_CHANNEL })
  if (!channel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: SALES_CHANNEL, description: "Dhow storefront tests" }] },
    })
    channel = result[0]
    step(`sales channel created: ${channel.id}`)
  } else step(`sales channel exists: ${channel.id}`)

  // --- Store currencies ----------------------------------------------------------------------
  const [store] = await storeModule.listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Dhow Goods",
        supported_currencies: REGIONS.map((r) => ({
          currency_code: r.currency_code,
          is_default: r.currency_code === "usd",
          is_tax_inclusive: r.is_tax_inclusive,
        })),
        default_sales_channel_id: channel.id,
      },
    },
  })
  step("store currencies set: usd (default), eur, gbp, jpy")

  // --- Regions -------------------------------------------------------------------------------
  const { data: existingRegions } = await query.graph({ entity: "region", fields: ["id", "name"] })
  const missingRegions = REGIONS.filter((r) => !existingRegions.some((e: any) => e.name === r.name))
  if (missingRegions.length) {
    await createRegionsWorkflow(container).run({
      input: {
        regions: missingRegions.map((r) => ({
          name: r.name,
          currency_code: r.currency_code,
          countries: r.countries,
          automatic_taxes: true,
          is_tax_inclusive: r.is_tax_inclusive,
          payment_providers: ["pp_system_default"],
        })),
      },
    })
    step(`regions created: ${missingRegions.map((r) => r.name).join(", ")}`)
  } else step("regions exist")

  // --- Tax regions ---------------------------------------------------------------------------
  const { data: taxRegions } = await query.graph({
    entity: "tax_region",
    fields: ["id", "country_code", "province_code", "parent_id"],
  })
  for (const t of TAX_REGIONS) {
    let parent = taxRegions.find((x: any) => x.country_code === t.country_code && !x.province_code)
    if (!parent) {
      const { result } = await createTaxRegionsWorkflow(container).run({
        input: [
          {
            country_code: t.country_code,
            provider_id: "tp_system",
            default_tax_rate: { rate: t.rate, name: t.name, code: t.country_code.toUpperCase() },
          },
        ],
      })
      parent = result[0]
      step(`tax region ${t.country_code} created (${t.rate} %)`)
    }
    for (const p of t.provinces) {
      const exists = taxRegions.some(
        (x: any) => x.country_code === t.country_code && x.province_code === p.code
      )
      if (exists) continue
      await createTaxRegionsWorkflow(container).run({
        input: [
          {
            country_code: t.country_code,
            province_code: p.code,
            parent_id: parent.id, // provinces inherit the provider of their country
            default_tax_rate: { rate: p.rate, name: p.name, code: p.code.toUpperCase() },
          },
        ],
      })
      step(`tax region ${p.code} created (${p.rate} %)`)
    }
  }

  // --- Stock location ------------------------------------------------------------------------
  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id", "name", "fulfillment_sets.id", "fulfillment_sets.name"],
    filters: { name: STOCK_LOCATION },
  })
  let location: any = locations[0]
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: STOCK_LOCATION,
            address: { address_1: "1 Harbour Road", city: "Hamburg", postal_code: "20457", country_code: "de" },
          },
        ],
      },
    })
    location = result[0]
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [channel.id] },
    })
    step(`stock location created: ${location.id}`)
  } else step(`stock location exists: ${location.id}`)

  // --- Shipping profile ----------------------------------------------------------------------
  let [profile] = await fulfillmentModule.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0]
    step(`shipping profile created: ${profile.id}`)
  }

  // --- Fulfillment set, service zone, shipping options ---------------------------------------
  let [fset] = await fulfillmentModule.listFulfillmentSets(
    { name: FULFILLMENT_SET },
    { relations: ["service_zones"] }
  )
  if (!fset) {
    fset = await fulfillmentModule.createFulfillmentSets({
      name: FULFILLMENT_SET,
      type: "shipping",
      service_zones: [
        {
          name: "Dhow markets",
          geo_zones: REGIONS.flatMap((r) => r.countries).map((c) => ({ country_code: c, type: "country" as const })),
        },
      ],
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fset.id },
    })
    step(`fulfillment set created: ${fset.id}`)
  } else step(`fulfillment set exists: ${fset.id}`)
  const zoneId = fset.service_zones[0].id

  const ship = (id: string) => catalog.shipping.find((s: any) => s.id === id)
  // EUR rates from the EU options; USD, GBP and JPY from the international ones.
  const shippingPrices = (euId: string, intlId: string) => [
    ...ship(euId).rates.filter((m: Money) => m.currency === "EUR"),
    ...ship(intlId).rates.filter((m: Money) => m.currency !== "EUR"),
  ].map((m: Money) => ({ currency_code: m.currency.toLowerCase(), amount: major(m) }))

  const existingOptions = await fulfillmentModule.listShippingOptions({ service_zone: { id: zoneId } } as any)
  const optionDefs = [
    { name: "Standard", code: "standard", description: "Delivered in 2-6 business days.", prices: shippingPrices("eu-standard", "intl-standard") },
    { name: "Express", code: "express", description: "Delivered in 1-3 business days.", prices: shippingPrices("eu-express", "intl-express") },
  ].filter((o) => !existingOptions.some((e: any) => e.name === o.name))
  if (optionDefs.length) {
    await createShippingOptionsWorkflow(container).run({
      input: optionDefs.map((o) => ({
        name: o.name,
        price_type: "flat" as const,
        provider_id: "manual_manual",
        service_zone_id: zoneId,
        shipping_profile_id: profile.id,
        type: { label: o.name, description: o.description, code: o.code },
        prices: o.prices,
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      })),
    })
    step(`shipping options created: ${optionDefs.map((o) => o.name).join(", ")}`)
  } else step("shipping options exist")

  // --- Publishable API key -------------------------------------------------------------------
  let [key] = await apiKeyModule.listApiKeys({ title: API_KEY_TITLE, type: "publishable" })
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: API_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: key.id, add: [channel.id] },
    })
    step(`publishable key created: ${key.id}`)
  } else step(`publishable key exists: ${key.id}`)
  fs.writeFileSync(KEY_FILE, key.token + "\n")

  // --- Products ------------------------------------------------------------------------------
  const { data: existingProducts } = await query.graph({
    entity: "product",
    fields: ["id", "handle"],
    filters: { handle: PRODUCT_HANDLES },
  })
  const missingProducts = catalogProducts.filter(
    (p) => !existingProducts.some((e: any) => e.handle === p.handle)
  )
  if (missingProducts.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: missingProducts.map((p) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: profile.id,
          thumbnail: p.images?.[0]?.url,
          images: (p.images || []).map((i) => ({ url: i.url })),
          options: p.options.map((o) => ({ title: o.name, values: o.values })),
          variants: p.variants.map((v) => ({
            title: v.options.join(" / "),
            sku: v.sku,
            manage_inventory: true,
            options: Object.fromEntries(p.options.map((o, i) => [o.name, v.options[i]])),
            prices: v.prices.map((m) => ({ currency_code: m.currency.toLowerCase(), amount: major(m) })),
          })),
          sales_channels: [{ id: channel.id }],
        })),
      },
    })
    step(`products created: ${missingProducts.map((p) => p.handle).join(", ")}`)
  } else step("products exist")

  // --- Inventory levels ----------------------------------------------------------------------
  // Stock from the catalog times STOCK_FACTOR: every contract run buys a few units, and the
  // tests must pass run after run. Variants at 0 stay at 0 (they test "sold out"). A level below
  // its target (an older seed, or units sold) is raised back to it.
  const stockBySku = new Map<string, number>()
  for (const p of catalogProducts) for (const v of p.variants) stockBySku.set(v.sku, v.stock * STOCK_FACTOR)
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "sku", "location_levels.id", "location_levels.location_id", "location_levels.stocked_quantity"],
    filters: { sku: [...stockBySku.keys()] },
  })
  const levelAt = (it: any) => (it.location_levels || []).find((l: any) => l.location_id === location.id)
  const levels = items
    .filter((it: any) => !levelAt(it))
    .map((it: any) => ({
      location_id: location.id,
      inventory_item_id: it.id,
      stocked_quantity: stockBySku.get(it.sku) ?? 0,
    }))
  if (levels.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } })
    step(`inventory levels created: ${levels.length}`)
  } else step("inventory levels exist")
  const raises = items
    .filter((it: any) => levelAt(it) && levelAt(it).stocked_quantity < (stockBySku.get(it.sku) ?? 0))
    .map((it: any) => ({
      id: levelAt(it).id,
      inventory_item_id: it.id,
      location_id: location.id,
      stocked_quantity: stockBySku.get(it.sku) ?? 0,
    }))
  if (raises.length) {
    await updateInventoryLevelsWorkflow(container).run({ input: { updates: raises } })
    step(`inventory levels raised to catalog stock x ${STOCK_FACTOR}: ${raises.length}`)
  }

  // --- Promotion WELCOME10: 10 % off the order, every region ---------------------------------
  const [promo] = await promotionModule.listPromotions({ code: PROMO_CODE })
  if (!promo) {
    await createPromotionsWorkflow(container).run({
      input: {
        promotionsData: [
          {
            code: PROMO_CODE,
            type: "standard",
            status: "active",
            is_automatic: false,
            application_method: {
              type: "percentage",
              target_type: "order",
              allocation: "across",
              value: 10,
            },
          },
        ],
      },
    })
    step(`promotion ${PROMO_CODE} created`)
  } else step(`promotion ${PROMO_CODE} exists`)

  step(`done; publishable key: ${key.token} (written to ${KEY_FILE})`)
}
