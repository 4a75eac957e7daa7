// Seeds Dhow's local Vendure test server with Dhow's own demo data.
//
// The products, SKUs, stock, prices, shipping rates, tax rates and the WELCOME10
// promotion are read from Dhow's demo catalog (public/catalog.json), so Vendure
// sells the same things at the same prices as Dhow's local engine and the Medusa
// test backend. Markets:
//
//   default channel (no token)  USD             prices exclude tax   US 6 %
//   channel "dhow-eu"           EUR, GBP, JPY   prices include tax   DE 19 %, FR 20 %,
//                                                                    ES 21 %, GB 20 %, JP 10 %
//
// Money: Vendure's DefaultMoneyStrategy stores EVERY currency with 2 decimal
// places, the zero-decimal JPY included: ¥14,900 is stored (and served by the
// Shop API) as 1490000, $95.00 as 9500. See README.md.
//
// It runs on an empty database only (start.sh removes a database seeded by an
// older version of this script): it creates the schema and the countries, zones
// and roles with populate() from @vendure/core/cli (Vendure's country list is
// read from the @vendure/create npm package), then everything else through the
// Admin API as the test-only superadmin, then builds the search index of both
// channels. It boots its own Vendure app on the configured port, so the server
// started by start.sh must not run on that port at the same time.
'use strict';

const fs = require('fs');
const path = require('path');
const {
    makeConfig,
    sampleAssetsDir,
    DATA_DIR,
    DB_FILE,
    HOST,
    PORT,
    SUPERADMIN_USERNAME,
    SUPERADMIN_PASSWORD,
} = require('./vendure-config');

const ADMIN_URL = `http://${HOST}:${PORT}/admin-api`;
const CATALOG_PATH = process.env.DHOW_CATALOG || path.join(__dirname, '..', '..', '..', 'public', 'catalog.json');

// The products of Dhow's catalog that are seeded (the same as the Medusa seed).
const PRODUCT_HANDLES = [
    'merino-crew-sweater',
    'enamel-camp-mug',
    'wool-overcoat',
    'leather-luggage-tag',
    'canvas-market-tote',
    'garment-dyed-tee',
    'cashmere-beanie',
];

// Tests place many orders: every variant in stock in the catalog gets at least this
// much. Variants with 0 in the catalog stay at 0 (sold out, stock tracked).
const MIN_STOCK = 1000;

// Countries taxed at their own rate get a zone of their own; every other country
// keeps its region's zone from Vendure's list (and has no tax rate: 0 %).
const TAX_COUNTRIES = { US: 'United States', DE: 'Germany', FR: 'France', ES: 'Spain', GB: 'United Kingdom', JP: 'Japan' };

const DEFAULT_CHANNEL = { currency: 'USD', currencies: ['USD'], pricesIncludeTax: false, zone: 'United States' };
const EU_CHANNEL = {
    code: 'dhow-eu',
    token: 'dhow-eu',
    currency: 'EUR',
    currencies: ['EUR', 'GBP', 'JPY'],
    pricesIncludeTax: true,
    zone: 'Germany',
};

// Catalog locales -> Vendure language codes: the locale's primary subtag, which is what
// Dhow's Vendure adapter sends as `languageCode` (so zh, not zh_Hans; pt, not pt_BR).
const LANGUAGES = { 'de-DE': 'de', 'fr-FR': 'fr', 'es-ES': 'es', 'ja-JP': 'ja', 'zh-CN': 'zh', ar: 'ar', 'pt-BR': 'pt' };
const LANGUAGE_CODES = ['en', ...Object.values(LANGUAGES)];

const COUPON = { code: 'WELCOME10', name: 'Welcome 10% off', percent: 10 };
const PAYMENT_METHOD = { code: 'dummy-payment', name: 'Dummy payment' };
const TAX_CATEGORY = 'Standard';

const T0 = Date.now();
function step(msg) {
    console.log(`[populate] ${((Date.now() - T0) / 1000).toFixed(1).padStart(5)} s  ${msg}`);
}

/** "89.00" -> 8900, "14900" -> 1490000: Vendure minor units, 2 decimal places for every currency. */
function minor(amount) {
    const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(amount));
    if (!m) throw new Error(`amount ${JSON.stringify(amount)} has more than 2 decimals or is not a plain decimal`);
    return Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0'));
}

function priceIn(prices, currency, what) {
    const p = prices.find(x => x.currency === currency);
    if (!p) throw new Error(`${what}: no ${currency} price in the catalog`);
    return minor(p.amount);
}

function slugify(text) {
    return String(text).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function isFreshDatabase() {
    if (!fs.existsSync(DB_FILE)) return true;
    const Database = require('better-sqlite3');
    const db = new Database(DB_FILE, { readonly: true });
    try {
        const table = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='product'").get();
        if (!table) return true;
        return db.prepare('SELECT COUNT(*) AS n FROM product').get().n === 0;
    } finally {
        db.close();
    }
}

// ---------------------------------------------------------------- Admin API

let authToken = null;

async function admin(query, variables = {}, channelToken) {
    const headers = { 'content-type': 'application/json' };
    if (authToken) headers.authorization = `Bearer ${authToken}`;
    if (channelToken) headers['vendure-token'] = channelToken;
    const res = await fetch(ADMIN_URL, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const token = res.headers.get('vendure-auth-token');
    if (token) authToken = token;
    const body = await res.json();
    if (body.errors) throw new Error(`Admin API error: ${JSON.stringify(body.errors)}`);
    return body.data;
}

function ok(result, what) {
    if (result && result.errorCode) throw new Error(`${what} failed: ${result.errorCode}: ${result.message}`);
    return result;
}

async function login() {
    const data = await admin(
        `mutation($u: String!, $p: String!) {
            login(username: $u, password: $p) { ... on CurrentUser { id } ... on ErrorResult { errorCode message } }
        }`,
        { u: SUPERADMIN_USERNAME, p: SUPERADMIN_PASSWORD },
    );
    ok(data.login, 'login');
}

// ------------------------------------------------------------------ steps

/** Countries and zones for populate(): Vendure's country list, our tax countries in zones of their own. */
function initialData() {
    const sample = JSON.parse(fs.readFileSync(path.join(sampleAssetsDir(), 'initial-data.json'), 'utf8'));
    const countries = sample.countries.map(c => ({ ...c, zone: TAX_COUNTRIES[c.code] || c.zone }));
    for (const code of Object.keys(TAX_COUNTRIES)) {
        if (!countries.some(c => c.code === code)) throw new Error(`country ${code} missing from Vendure's list`);
    }
    return {
        defaultLanguage: 'en',
        defaultZone: DEFAULT_CHANNEL.zone,
        roles: sample.roles,
        taxRates: [],
        shippingMethods: [],
        paymentMethods: [],
        collections: [],
        countries,
    };
}

async function zonesByName() {
    const { zones } = await admin(`query { zones(options: { take: 1000 }) { items { id name } } }`);
    return new Map(zones.items.map(z => [z.name, z.id]));
}

async function setupSettingsAndDefaultChannel(zones) {
    await admin(
        `mutation($input: UpdateGlobalSettingsInput!) { updateGlobalSettings(input: $input) { ... on GlobalSettings { id } ... on ErrorResult { errorCode message } } }`,
        { input: { availableLanguages: LANGUAGE_CODES, trackInventory: true, outOfStockThreshold: 0 } },
    );
    const { activeChannel: ch } = await admin(`query { activeChannel { id seller { id } } }`);
    const data = await admin(
        `mutation($input: UpdateChannelInput!) {
            updateChannel(input: $input) { ... on Channel { id } ... on ErrorResult { errorCode message } }
        }`,
        {
            input: {
                id: ch.id,
                defaultCurrencyCode: DEFAULT_CHANNEL.currency,
                availableCurrencyCodes: DEFAULT_CHANNEL.currencies,
                pricesIncludeTax: DEFAULT_CHANNEL.pricesIncludeTax,
                defaultLanguageCode: 'en',
                availableLanguageCodes: LANGUAGE_CODES,
                defaultTaxZoneId: zones.get(DEFAULT_CHANNEL.zone),
                defaultShippingZoneId: zones.get(DEFAULT_CHANNEL.zone),
                trackInventory: true,
                outOfStockThreshold: 0,
            },
        },
    );
    ok(data.updateChannel, 'updateChannel');
    step(`default channel: ${DEFAULT_CHANNEL.currencies.join(', ')}, prices exclude tax, languages ${LANGUAGE_CODES.join(', ')}`);
    return ch;
}

async function setupTaxes(catalog, zones) {
    const { createTaxCategory: cat } = await admin(
        `mutation($input: CreateTaxCategoryInput!) { createTaxCategory(input: $input) { id } }`,
        { input: { name: TAX_CATEGORY, isDefault: true } },
    );
    const done = [];
    for (const [country, zoneName] of Object.entries(TAX_COUNTRIES)) {
        const rule = catalog.taxes.find(t => t.country === country);
        if (!rule) throw new Error(`no tax rule for ${country} in the catalog`);
        const percent = Number(rule.rate) * 100;
        await admin(
            `mutation($input: CreateTaxRateInput!) { createTaxRate(input: $input) { id } }`,
            {
                input: {
                    name: `${rule.name} ${country}`,
                    enabled: true,
                    value: percent,
                    categoryId: cat.id,
                    zoneId: zones.get(zoneName),
                },
            },
        );
        done.push(`${country} ${percent} %`);
    }
    step(`tax category ${TAX_CATEGORY}, rates ${done.join(', ')}`);
    return cat.id;
}

async function setupFacets(catalog, products) {
    const handles = [...new Set(products.flatMap(p => p.collections || []))];
    const collections = handles.map(h => {
        const c = catalog.collections.find(x => x.handle === h);
        if (!c) throw new Error(`collection ${h} not in the catalog`);
        return c;
    });
    const translations = (title, trs) => [
        { languageCode: 'en', name: title },
        ...Object.entries(trs || {}).filter(([l]) => LANGUAGES[l]).map(([l, t]) => ({ languageCode: LANGUAGES[l], name: t.title })),
    ];
    const { createFacet } = await admin(
        `mutation($input: CreateFacetInput!) { createFacet(input: $input) { id values { id code } } }`,
        {
            input: {
                code: 'collection',
                isPrivate: false,
                translations: [{ languageCode: 'en', name: 'Collection' }],
                values: collections.map(c => ({ code: c.handle, translations: translations(c.title, c.translations) })),
            },
        },
    );
    const valueIds = new Map(createFacet.values.map(v => [v.code, v.id]));
    step(`facet "collection" with values ${handles.join(', ')}`);
    return { facetId: createFacet.id, valueIds, collections };
}

async function setupCollections(facets) {
    const ids = [];
    for (const c of facets.collections) {
        const trs = [{ languageCode: 'en', name: c.title, slug: c.handle, description: c.description || '' }];
        for (const [l, t] of Object.entries(c.translations || {})) {
            if (LANGUAGES[l]) trs.push({ languageCode: LANGUAGES[l], name: t.title, slug: c.handle, description: t.description || '' });
        }
        const { createCollection } = await admin(
            `mutation($input: CreateCollectionInput!) { createCollection(input: $input) { id } }`,
            {
                input: {
                    isPrivate: false,
                    translations: trs,
                    filters: [
                        {
                            code: 'facet-value-filter',
                            arguments: [
                                { name: 'facetValueIds', value: JSON.stringify([facets.valueIds.get(c.handle)]) },
                                { name: 'containsAny', value: 'false' },
                            ],
                        },
                    ],
                },
            },
        );
        ids.push(createCollection.id);
    }
    step(`collections ${facets.collections.map(c => c.handle).join(', ')}`);
    return ids;
}

async function createProduct(p, taxCategoryId, facets) {
    const translations = [{ languageCode: 'en', name: p.title, slug: p.handle, description: p.description }];
    for (const [locale, t] of Object.entries(p.translations || {})) {
        const languageCode = LANGUAGES[locale];
        if (languageCode) translations.push({ languageCode, name: t.title, slug: p.handle, description: t.description });
    }
    const { createProduct: product } = await admin(
        `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
        {
            input: {
                enabled: true,
                translations,
                facetValueIds: (p.collections || []).map(h => facets.valueIds.get(h)),
            },
        },
    );

    // Option groups (Size, Colour) and their values.
    const optionIds = []; // per option group: Map(value -> option id)
    for (const o of p.options) {
        const { createProductOptionGroup: g } = await admin(
            `mutation($input: CreateProductOptionGroupInput!) {
                createProductOptionGroup(input: $input) { id options { id code } }
            }`,
            {
                input: {
                    code: `${p.handle}-${slugify(o.name)}`,
                    translations: [{ languageCode: 'en', name: o.name }],
                    options: o.values.map(v => ({ code: slugify(v), translations: [{ languageCode: 'en', name: v }] })),
                },
            },
        );
        await admin(
            `mutation($p: ID!, $g: ID!) { addOptionGroupToProduct(productId: $p, optionGroupId: $g) { id } }`,
            { p: product.id, g: g.id },
        );
        optionIds.push(new Map(o.values.map(v => [v, g.options.find(x => x.code === slugify(v)).id])));
    }

    const variants = p.variants.map(v => {
        // Variant names in English only (like the option names): every language's search
        // index then holds them, so a search for "merino" finds the sweater in Japanese too.
        const names = [{ languageCode: 'en', name: `${p.title} ${v.options.join(' ')}`.trim() }];
        return {
            productId: product.id,
            sku: v.sku,
            translations: names,
            optionIds: v.options.map((value, i) => optionIds[i].get(value)),
            // On creation Vendure reads only `price` (the channel's default currency), not `prices`.
            price: priceIn(v.prices, DEFAULT_CHANNEL.currency, v.sku),
            taxCategoryId,
            trackInventory: 'TRUE',
            useGlobalOutOfStockThreshold: false,
            outOfStockThreshold: 0,
            stockOnHand: v.stock > 0 ? Math.max(v.stock, MIN_STOCK) : 0,
        };
    });
    const { createProductVariants: created } = await admin(
        `mutation($input: [CreateProductVariantInput!]!) { createProductVariants(input: $input) { id sku } }`,
        { input: variants },
    );
    return { id: product.id, variants: created };
}

async function setupProducts(products, taxCategoryId, facets) {
    const created = [];
    for (const p of products) {
        created.push({ handle: p.handle, ...(await createProduct(p, taxCategoryId, facets)) });
    }
    const soldOut = products.flatMap(p => p.variants.filter(v => v.stock <= 0).map(v => v.sku));
    step(
        `${created.length} products, ${created.reduce((n, p) => n + p.variants.length, 0)} variants priced in ` +
            `${DEFAULT_CHANNEL.currencies.join(', ')}; sold out: ${soldOut.join(', ')}`,
    );
    return created;
}

function shippingArgs(catalog, euId, intlId) {
    const find = id => {
        const s = catalog.shipping.find(x => x.id === id);
        if (!s) throw new Error(`shipping ${id} not in the catalog`);
        return s;
    };
    // EUR from the EU option, USD, GBP and JPY from the international one (as the Medusa seed).
    const rates = [...find(euId).rates.filter(m => m.currency === 'EUR'), ...find(intlId).rates.filter(m => m.currency !== 'EUR')];
    // Tax on shipping at the destination's rate, none where the catalog says shipping is not taxable.
    const taxRates = Object.keys(TAX_COUNTRIES)
        .map(c => {
            const t = catalog.taxes.find(x => x.country === c);
            return `${c}=${t.shipping_taxable ? Number(t.rate) * 100 : 0}`;
        })
        .join(' ');
    return [
        ...['USD', 'EUR', 'GBP', 'JPY'].map(c => ({ name: c, value: String(priceIn(rates, c, `shipping ${euId}`)) })),
        { name: 'includesTax', value: 'auto' },
        { name: 'taxRates', value: taxRates },
        { name: 'defaultTaxRate', value: '0' },
    ];
}

async function setupShipping(catalog) {
    const defs = [
        { code: 'standard', name: 'Standard', description: 'Delivered in 2-6 business days.', args: shippingArgs(catalog, 'eu-standard', 'intl-standard') },
        { code: 'express', name: 'Express', description: 'Delivered in 1-3 business days.', args: shippingArgs(catalog, 'eu-express', 'intl-express') },
    ];
    const ids = [];
    for (const d of defs) {
        const { createShippingMethod } = await admin(
            `mutation($input: CreateShippingMethodInput!) { createShippingMethod(input: $input) { id } }`,
            {
                input: {
                    code: d.code,
                    fulfillmentHandler: 'manual-fulfillment',
                    checker: { code: 'default-shipping-eligibility-checker', arguments: [{ name: 'orderMinimum', value: '0' }] },
                    calculator: { code: 'dhow-per-currency-calculator', arguments: d.args },
                    translations: [{ languageCode: 'en', name: d.name, description: d.description }],
                },
            },
        );
        ids.push(createShippingMethod.id);
        step(`shipping ${d.name}: ${d.args.filter(a => /^[A-Z]{3}$/.test(a.name)).map(a => `${a.name} ${a.value}`).join(', ')} (minor units)`);
    }
    return ids;
}

async function setupPaymentMethod() {
    const { createPaymentMethod } = await admin(
        `mutation($input: CreatePaymentMethodInput!) { createPaymentMethod(input: $input) { id } }`,
        {
            input: {
                code: PAYMENT_METHOD.code,
                enabled: true,
                handler: { code: 'dummy-payment-handler', arguments: [{ name: 'automaticSettle', value: 'true' }] },
                translations: [{ languageCode: 'en', name: PAYMENT_METHOD.name, description: 'Test-only dummy payment handler' }],
            },
        },
    );
    step(`payment method ${PAYMENT_METHOD.code} (dummy handler, settles at once)`);
    return createPaymentMethod.id;
}

async function setupPromotion(catalog) {
    const promo = catalog.promotions.find(p => p.code === COUPON.code);
    const percent = promo && promo.kind.type === 'percentage' ? Number(promo.kind.percent) : COUPON.percent;
    const { createPromotion } = await admin(
        `mutation($input: CreatePromotionInput!) {
            createPromotion(input: $input) { ... on Promotion { id } ... on ErrorResult { errorCode message } }
        }`,
        {
            input: {
                enabled: true,
                couponCode: COUPON.code,
                conditions: [],
                actions: [{ code: 'order_percentage_discount', arguments: [{ name: 'discount', value: String(percent) }] }],
                translations: [{ languageCode: 'en', name: COUPON.name }],
            },
        },
    );
    ok(createPromotion, 'createPromotion');
    step(`promotion ${COUPON.code} (${percent} % off the order)`);
    return createPromotion.id;
}

async function setupEuChannel(ctx) {
    const { sellerId, zones, productIds, stockLocationId, shippingIds, paymentMethodId, promotionId, facetId } = ctx;
    const data = await admin(
        `mutation($input: CreateChannelInput!) {
            createChannel(input: $input) { ... on Channel { id } ... on ErrorResult { errorCode message } }
        }`,
        {
            input: {
                code: EU_CHANNEL.code,
                token: EU_CHANNEL.token,
                defaultLanguageCode: 'en',
                availableLanguageCodes: LANGUAGE_CODES,
                pricesIncludeTax: EU_CHANNEL.pricesIncludeTax,
                defaultCurrencyCode: EU_CHANNEL.currency,
                availableCurrencyCodes: EU_CHANNEL.currencies,
                defaultTaxZoneId: zones.get(EU_CHANNEL.zone),
                defaultShippingZoneId: zones.get(EU_CHANNEL.zone),
                trackInventory: true,
                outOfStockThreshold: 0,
                sellerId,
            },
        },
    );
    const ch = ok(data.createChannel, 'createChannel');
    const assign = (mutation, inputType, field, ids) =>
        admin(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { id } }`, { input: { channelId: ch.id, [field]: ids } });
    await admin(
        `mutation($input: AssignProductsToChannelInput!) { assignProductsToChannel(input: $input) { id } }`,
        { input: { channelId: ch.id, productIds, priceFactor: 1 } },
    );
    await assign('assignStockLocationsToChannel', 'AssignStockLocationsToChannelInput', 'stockLocationIds', [stockLocationId]);
    await assign('assignShippingMethodsToChannel', 'AssignShippingMethodsToChannelInput', 'shippingMethodIds', shippingIds);
    await assign('assignPaymentMethodsToChannel', 'AssignPaymentMethodsToChannelInput', 'paymentMethodIds', [paymentMethodId]);
    await assign('assignPromotionsToChannel', 'AssignPromotionsToChannelInput', 'promotionIds', [promotionId]);
    await assign('assignFacetsToChannel', 'AssignFacetsToChannelInput', 'facetIds', [facetId]);
    step(
        `channel ${EU_CHANNEL.code} (token ${EU_CHANNEL.token}): ${EU_CHANNEL.currencies.join(', ')}, prices include tax; ` +
            'products, stock location, shipping, payment, promotion and facet assigned',
    );
    return ch;
}

async function setupEuPrices(products, created) {
    const bySku = new Map(products.flatMap(p => p.variants.map(v => [v.sku, v])));
    const updates = created.flatMap(p =>
        p.variants.map(v => ({
            id: v.id,
            prices: EU_CHANNEL.currencies.map(c => ({ currencyCode: c, price: priceIn(bySku.get(v.sku).prices, c, v.sku) })),
        })),
    );
    await admin(
        `mutation($input: [UpdateProductVariantInput!]!) { updateProductVariants(input: $input) { id } }`,
        { input: updates },
        EU_CHANNEL.token,
    );
    // assignProductsToChannel copied the USD price into the channel; drop any price not in its currencies.
    const { productVariants } = await admin(
        `query { productVariants(options: { take: 1000 }) { items { id prices { currencyCode } } } }`,
        {},
        EU_CHANNEL.token,
    );
    let removed = 0;
    for (const v of productVariants.items) {
        for (const p of v.prices) {
            if (!EU_CHANNEL.currencies.includes(p.currencyCode)) {
                await admin(
                    `mutation($input: [UpdateProductVariantInput!]!) { updateProductVariants(input: $input) { id } }`,
                    { input: [{ id: v.id, prices: [{ currencyCode: p.currencyCode, price: 0, delete: true }] }] },
                    EU_CHANNEL.token,
                );
                removed++;
            }
        }
    }
    step(`tax-inclusive prices in ${EU_CHANNEL.currencies.join(', ')} on ${updates.length} variants in ${EU_CHANNEL.code}` +
        (removed ? ` (${removed} stray prices removed)` : ''));
}

/** Waits until no job is pending or running (the in-memory queue runs in this process). */
async function settleJobs(label) {
    const deadline = Date.now() + 180000;
    for (;;) {
        // The in-memory job queue ignores list filters and job(id) finds nothing (it keys jobs
        // by number, GraphQL hands it a string), so the whole list is read and filtered here.
        const { jobs } = await admin(`query { jobs(options: { take: 10000 }) { items { id queueName state error } } }`);
        const failed = jobs.items.filter(j => j.state === 'FAILED');
        if (failed.length) throw new Error(`${label}: failed jobs: ${JSON.stringify(failed)}`);
        const open = jobs.items.filter(j => ['PENDING', 'RUNNING', 'RETRYING'].includes(j.state));
        if (!open.length) return;
        if (Date.now() > deadline) throw new Error(`${label}: jobs did not finish: ${JSON.stringify(open)}`);
        await new Promise(r => setTimeout(r, 200));
    }
}

async function reindex(channelToken, label) {
    await admin(`mutation { reindex { id } }`, {}, channelToken);
    await settleJobs(`reindex of ${label}`);
    step(`search index built for ${label}`);
}

// ---------------------------------------------------------------------- main

async function main() {
    const started = Date.now();
    const { bootstrap, ConfigService, JobQueueService } = require('@vendure/core');
    // Not exported by the package index.
    const { JobBufferService } = require('@vendure/core/dist/job-queue/job-buffer/job-buffer.service');
    fs.mkdirSync(DATA_DIR, { recursive: true });
    process.env.VENDURE_DISABLE_TELEMETRY = process.env.VENDURE_DISABLE_TELEMETRY || 'true';

    if (!isFreshDatabase()) {
        throw new Error(`${DB_FILE} already holds products: remove ${DATA_DIR} (or run start.sh, which does so for an older seed) to reseed`);
    }
    const catalog = JSON.parse(fs.readFileSync(CATALOG_PATH, 'utf8'));
    const products = PRODUCT_HANDLES.map(h => {
        const p = catalog.products.find(x => x.handle === h);
        if (!p) throw new Error(`product ${h} not found in ${CATALOG_PATH}`);
        return p;
    });

    step('empty database: creating the schema, countries and zones');
    const { populate } = require('@vendure/core/cli');
    const COLLECTION_BUFFER = 'search-plugin-apply-collection-filters';
    const dropCollectionJobs = () =>
        app.get(ConfigService).jobQueueOptions.jobBufferStorageStrategy.flush([COLLECTION_BUFFER]);
    const flushCollectionJobs = () =>
        app.get(JobBufferService).flush([COLLECTION_BUFFER]).then(() => settleJobs('collection filters'));
    const app = await populate(() => bootstrap(makeConfig({ synchronize: true, seeding: true })), initialData());
    await app.get(JobQueueService).start();
    step(`schema and countries ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    try {
        await login();
        const zones = await zonesByName();
        const channel = await setupSettingsAndDefaultChannel(zones);
        const taxCategoryId = await setupTaxes(catalog, zones);
        const facets = await setupFacets(catalog, products);
        const created = await setupProducts(products, taxCategoryId, facets);
        const shippingIds = await setupShipping(catalog);
        const paymentMethodId = await setupPaymentMethod();
        const promotionId = await setupPromotion(catalog);
        const { stockLocations } = await admin(`query { stockLocations { items { id } } }`);
        const euChannel = await setupEuChannel({
            sellerId: channel.seller && channel.seller.id,
            zones,
            productIds: created.map(p => p.id),
            stockLocationId: stockLocations.items[0].id,
            shippingIds,
            paymentMethodId,
            promotionId,
            facetId: facets.facetId,
        });
        await setupEuPrices(products, created);
        // Collections last: every product or variant change re-applies the filters of all
        // existing collections. While seeding, the search plugin buffers those jobs
        // (bufferUpdates): the buffer is dropped before the collections are created, and its
        // jobs run after (as one batched job).
        await dropCollectionJobs();
        const collectionIds = await setupCollections(facets);
        await admin(
            `mutation($input: AssignCollectionsToChannelInput!) { assignCollectionsToChannel(input: $input) { id } }`,
            { input: { channelId: euChannel.id, collectionIds } },
        );
        await flushCollectionJobs();
        await settleJobs('collection filters');
        step(`collections assigned to ${EU_CHANNEL.code}, their filters applied`);
        await reindex(undefined, 'the default channel');
        await reindex(EU_CHANNEL.token, EU_CHANNEL.code);
    } finally {
        await app.close();
    }
    step(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().then(
    () => process.exit(0),
    err => {
        console.error(err);
        process.exit(1);
    },
);
