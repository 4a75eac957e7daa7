// Idempotent seeding of Dhow's local Vendure test server.
//
// 1. On an empty database: create the schema and load Vendure's sample data
//    (countries, zones, tax rates, shipping methods, 54 products) with
//    populate() from @vendure/core/cli. The sample files are read at run time
//    from the @vendure/create npm package; nothing of it is copied here.
// 2. Then, through the Admin API as the (test-only) superadmin, bring the data
//    to the shape Dhow's tests rely on. Every step checks first and only
//    changes what is missing, so running this script again is harmless.
//
// It boots its own Vendure app (listening on the configured port), so the
// server started by start.sh must not be running at the same time.
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

// Currencies of the default channel, and a fixed conversion from the sample
// USD prices. Vendure stores every amount as an integer with 2 decimal
// places (DefaultMoneyStrategy precision 2), JPY included: JPY amounts are
// rounded to whole yen, i.e. to a multiple of 100.
const DEFAULT_CURRENCY = 'USD';
const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY'];
const RATES = { EUR: 0.92, GBP: 0.79, JPY: 150 };

// Second channel: tax-inclusive prices in EUR.
const EU_CHANNEL = { code: 'dhow-eu', token: 'dhow-eu', currency: 'EUR', zone: 'Europe' };
// EU gross price = default-channel EUR net price plus 20 % (the sample "Standard Tax").
const EU_GROSS_FACTOR = 1.2;

const COUPON = { code: 'WELCOME10', name: 'Welcome 10% off', percent: 10 };
const PAYMENT_METHOD = { code: 'dummy-payment', name: 'Dummy payment' };
// This variant (Laptop, 15 inch, 16GB) is made out of stock.
const OUT_OF_STOCK_SKU = 'L2201516';

function step(msg) {
    console.log(`[populate] ${msg}`);
}

function convert(usdMinor, currency) {
    if (currency === 'USD') return usdMinor;
    if (currency === 'JPY') return Math.round((usdMinor / 100) * RATES.JPY) * 100;
    return Math.round(usdMinor * RATES[currency]);
}

function isFreshDatabase() {
    if (!fs.existsSync(DB_FILE)) return true;
    const Database = require('better-sqlite3');
    const db = new Database(DB_FILE, { readonly: true });
    try {
        const table = db
            .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='product'")
            .get();
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
    if (body.errors) {
        throw new Error(`Admin API error: ${JSON.stringify(body.errors)}`);
    }
    return body.data;
}

function expectNoErrorResult(result, what) {
    if (result && result.errorCode) {
        throw new Error(`${what} failed: ${result.errorCode}: ${result.message}`);
    }
    return result;
}

async function login() {
    const data = await admin(
        `mutation($u: String!, $p: String!) {
            login(username: $u, password: $p) {
                ... on CurrentUser { id }
                ... on ErrorResult { errorCode message }
            }
        }`,
        { u: SUPERADMIN_USERNAME, p: SUPERADMIN_PASSWORD },
    );
    expectNoErrorResult(data.login, 'login');
    step('logged in to the Admin API');
}

async function allVariants(channelToken) {
    const data = await admin(
        `query {
            productVariants(options: { take: 1000, sort: { sku: ASC } }) {
                totalItems
                items { id sku price currencyCode prices { currencyCode price } product { id } }
            }
        }`,
        {},
        channelToken,
    );
    return data.productVariants.items;
}

async function updateVariants(inputs, channelToken) {
    for (let i = 0; i < inputs.length; i += 50) {
        await admin(
            `mutation($input: [UpdateProductVariantInput!]!) { updateProductVariants(input: $input) { id } }`,
            { input: inputs.slice(i, i + 50) },
            channelToken,
        );
    }
}

async function setupDefaultChannel() {
    const { activeChannel: ch } = await admin(
        `query { activeChannel { id code defaultCurrencyCode availableCurrencyCodes } }`,
    );
    const have = [...ch.availableCurrencyCodes].sort().join(',');
    if (ch.defaultCurrencyCode === DEFAULT_CURRENCY && have === [...CURRENCIES].sort().join(',')) {
        step(`default channel already offers ${CURRENCIES.join(', ')}: skipped`);
    } else {
        const data = await admin(
            `mutation($input: UpdateChannelInput!) {
                updateChannel(input: $input) {
                    ... on Channel { id availableCurrencyCodes }
                    ... on ErrorResult { errorCode message }
                }
            }`,
            { input: { id: ch.id, defaultCurrencyCode: DEFAULT_CURRENCY, availableCurrencyCodes: CURRENCIES } },
        );
        expectNoErrorResult(data.updateChannel, 'updateChannel');
        step(`default channel currencies set to ${CURRENCIES.join(', ')}`);
    }
    return ch;
}

async function setupDefaultPrices() {
    const variants = await allVariants();
    const updates = [];
    for (const v of variants) {
        const usd = (v.prices.find(p => p.currencyCode === 'USD') || { price: v.price }).price;
        const prices = [];
        for (const c of CURRENCIES) {
            if (c === 'USD') continue;
            const want = convert(usd, c);
            const cur = v.prices.find(p => p.currencyCode === c);
            if (!cur || cur.price !== want) prices.push({ currencyCode: c, price: want });
        }
        if (prices.length) updates.push({ id: v.id, prices });
    }
    if (updates.length) {
        await updateVariants(updates);
        step(`prices in ${CURRENCIES.slice(1).join(', ')} set on ${updates.length} of ${variants.length} variants`);
    } else {
        step(`all ${variants.length} variants already priced in ${CURRENCIES.join(', ')}: skipped`);
    }
    return variants;
}

async function defaultStockLocationId() {
    const data = await admin(`query { stockLocations { items { id name } } }`);
    return data.stockLocations.items[0].id;
}

async function setupOutOfStock(variants, stockLocationId) {
    const v = variants.find(x => x.sku === OUT_OF_STOCK_SKU);
    if (!v) throw new Error(`variant ${OUT_OF_STOCK_SKU} not found`);
    const data = await admin(
        `query($id: ID!) { productVariant(id: $id) { id trackInventory stockLevels { stockLocationId stockOnHand stockAllocated } } }`,
        { id: v.id },
    );
    const pv = data.productVariant;
    const onHand = pv.stockLevels.reduce((n, l) => n + l.stockOnHand - l.stockAllocated, 0);
    if (pv.trackInventory === 'TRUE' && onHand <= 0) {
        step(`variant ${OUT_OF_STOCK_SKU} already out of stock: skipped`);
        return;
    }
    await updateVariants([
        {
            id: v.id,
            trackInventory: 'TRUE',
            outOfStockThreshold: 0,
            useGlobalOutOfStockThreshold: false,
            stockLevels: [{ stockLocationId, stockOnHand: 0 }],
        },
    ]);
    step(`variant ${OUT_OF_STOCK_SKU} set out of stock`);
}

async function setupPaymentMethod() {
    const data = await admin(
        `query { paymentMethods(options: { take: 100 }) { items { id code enabled handler { code args { name value } } } } }`,
    );
    const existing = data.paymentMethods.items.find(m => m.code === PAYMENT_METHOD.code);
    const handler = { code: 'dummy-payment-handler', arguments: [{ name: 'automaticSettle', value: 'true' }] };
    if (existing && existing.enabled) {
        step(`payment method ${PAYMENT_METHOD.code} already enabled: skipped`);
        return existing.id;
    }
    if (existing) {
        await admin(
            `mutation($input: UpdatePaymentMethodInput!) { updatePaymentMethod(input: $input) { id } }`,
            { input: { id: existing.id, enabled: true, handler } },
        );
        step(`payment method ${PAYMENT_METHOD.code} enabled`);
        return existing.id;
    }
    const created = await admin(
        `mutation($input: CreatePaymentMethodInput!) { createPaymentMethod(input: $input) { id } }`,
        {
            input: {
                code: PAYMENT_METHOD.code,
                enabled: true,
                handler,
                translations: [{ languageCode: 'en', name: PAYMENT_METHOD.name, description: 'Test-only dummy payment handler' }],
            },
        },
    );
    step(`payment method ${PAYMENT_METHOD.code} (dummy handler, settles at once) created`);
    return created.createPaymentMethod.id;
}

async function setupPromotion() {
    const data = await admin(
        `query($code: String!) { promotions(options: { filter: { couponCode: { eq: $code } } }) { items { id enabled } } }`,
        { code: COUPON.code },
    );
    const existing = data.promotions.items[0];
    if (existing) {
        step(`promotion ${COUPON.code} already exists: skipped`);
        return existing.id;
    }
    const created = await admin(
        `mutation($input: CreatePromotionInput!) {
            createPromotion(input: $input) {
                ... on Promotion { id }
                ... on ErrorResult { errorCode message }
            }
        }`,
        {
            input: {
                enabled: true,
                couponCode: COUPON.code,
                conditions: [],
                actions: [
                    { code: 'order_percentage_discount', arguments: [{ name: 'discount', value: String(COUPON.percent) }] },
                ],
                translations: [{ languageCode: 'en', name: COUPON.name }],
            },
        },
    );
    expectNoErrorResult(created.createPromotion, 'createPromotion');
    step(`promotion ${COUPON.code} (${COUPON.percent} % off the order) created`);
    return created.createPromotion.id;
}

async function setupEuChannel(stockLocationId, paymentMethodId, promotionId) {
    const { channels } = await admin(`query { channels(options: { take: 100 }) { items { id code token } } }`);
    let ch = channels.items.find(c => c.token === EU_CHANNEL.token);
    if (ch) {
        step(`channel ${EU_CHANNEL.code} already exists: skipped`);
    } else {
        const { zones } = await admin(`query { zones(options: { take: 100 }) { items { id name } } }`);
        const zone = zones.items.find(z => z.name === EU_CHANNEL.zone);
        const { activeChannel } = await admin(`query { activeChannel { seller { id } } }`);
        const data = await admin(
            `mutation($input: CreateChannelInput!) {
                createChannel(input: $input) {
                    ... on Channel { id code token }
                    ... on ErrorResult { errorCode message }
                }
            }`,
            {
                input: {
                    code: EU_CHANNEL.code,
                    token: EU_CHANNEL.token,
                    defaultLanguageCode: 'en',
                    availableLanguageCodes: ['en'],
                    pricesIncludeTax: true,
                    defaultCurrencyCode: EU_CHANNEL.currency,
                    availableCurrencyCodes: [EU_CHANNEL.currency],
                    defaultTaxZoneId: zone.id,
                    defaultShippingZoneId: zone.id,
                    sellerId: activeChannel.seller && activeChannel.seller.id,
                },
            },
        );
        ch = expectNoErrorResult(data.createChannel, 'createChannel');
        step(`channel ${EU_CHANNEL.code} (EUR, prices include tax) created`);
    }

    // Products (and their variants) in the channel.
    const { products } = await admin(`query { products(options: { take: 1000 }) { items { id } } }`);
    const { products: inEu } = await admin(
        `query { products(options: { take: 1000 }) { totalItems } }`,
        {},
        EU_CHANNEL.token,
    );
    if (inEu.totalItems >= products.items.length) {
        step(`all ${products.items.length} products already in ${EU_CHANNEL.code}: skipped`);
    } else {
        await admin(
            `mutation($input: AssignProductsToChannelInput!) { assignProductsToChannel(input: $input) { id } }`,
            { input: { channelId: ch.id, productIds: products.items.map(p => p.id), priceFactor: 1 } },
        );
        step(`${products.items.length} products assigned to ${EU_CHANNEL.code}`);
    }

    // Shipping methods, payment method, promotion and stock location.
    const { shippingMethods } = await admin(`query { shippingMethods(options: { take: 100 }) { items { id } } }`);
    const { shippingMethods: euShipping } = await admin(
        `query { shippingMethods(options: { take: 100 }) { items { id } } }`, {}, EU_CHANNEL.token);
    if (euShipping.items.length >= shippingMethods.items.length) {
        step(`shipping methods already in ${EU_CHANNEL.code}: skipped`);
    } else {
        await admin(
            `mutation($input: AssignShippingMethodsToChannelInput!) { assignShippingMethodsToChannel(input: $input) { id } }`,
            { input: { channelId: ch.id, shippingMethodIds: shippingMethods.items.map(s => s.id) } },
        );
        step(`${shippingMethods.items.length} shipping methods assigned to ${EU_CHANNEL.code}`);
    }
    const { paymentMethods: euPay } = await admin(
        `query { paymentMethods(options: { take: 100 }) { items { id } } }`, {}, EU_CHANNEL.token);
    if (euPay.items.some(p => p.id === paymentMethodId)) {
        step(`payment method already in ${EU_CHANNEL.code}: skipped`);
    } else {
        await admin(
            `mutation($input: AssignPaymentMethodsToChannelInput!) { assignPaymentMethodsToChannel(input: $input) { id } }`,
            { input: { channelId: ch.id, paymentMethodIds: [paymentMethodId] } },
        );
        step(`payment method assigned to ${EU_CHANNEL.code}`);
    }
    const { promotions: euPromo } = await admin(
        `query { promotions(options: { take: 100 }) { items { id } } }`, {}, EU_CHANNEL.token);
    if (euPromo.items.some(p => p.id === promotionId)) {
        step(`promotion already in ${EU_CHANNEL.code}: skipped`);
    } else {
        await admin(
            `mutation($input: AssignPromotionsToChannelInput!) { assignPromotionsToChannel(input: $input) { id } }`,
            { input: { channelId: ch.id, promotionIds: [promotionId] } },
        );
        step(`promotion assigned to ${EU_CHANNEL.code}`);
    }
    const { stockLocations: euStock } = await admin(
        `query { stockLocations { items { id } } }`, {}, EU_CHANNEL.token);
    if (euStock.items.some(s => s.id === stockLocationId)) {
        step(`stock location already in ${EU_CHANNEL.code}: skipped`);
    } else {
        await admin(
            `mutation($input: AssignStockLocationsToChannelInput!) { assignStockLocationsToChannel(input: $input) { id } }`,
            { input: { channelId: ch.id, stockLocationIds: [stockLocationId] } },
        );
        step(`stock location assigned to ${EU_CHANNEL.code}`);
    }
    return ch;
}

async function setupEuPrices(defaultVariants) {
    const euVariants = await allVariants(EU_CHANNEL.token);
    const byId = new Map(defaultVariants.map(v => [v.id, v]));
    const updates = [];
    for (const v of euVariants) {
        const d = byId.get(v.id);
        const usd = (d.prices.find(p => p.currencyCode === 'USD') || { price: d.price }).price;
        const want = Math.round(convert(usd, 'EUR') * EU_GROSS_FACTOR);
        const cur = v.prices.find(p => p.currencyCode === EU_CHANNEL.currency);
        if (!cur || cur.price !== want) {
            updates.push({ id: v.id, prices: [{ currencyCode: EU_CHANNEL.currency, price: want }] });
        }
    }
    if (updates.length) {
        await updateVariants(updates, EU_CHANNEL.token);
        step(`tax-inclusive EUR prices set on ${updates.length} variants in ${EU_CHANNEL.code}`);
    } else {
        step(`tax-inclusive EUR prices already set in ${EU_CHANNEL.code}: skipped`);
    }
}

async function reindex(channelToken, label) {
    const data = await admin(`mutation { reindex { id queueName state } }`, {}, channelToken);
    const jobId = data.reindex.id;
    const deadline = Date.now() + 180000;
    for (;;) {
        // job(jobId) finds nothing with the in-memory job queue (it keys jobs by
        // number, GraphQL hands it a string), so look the job up in the list.
        const { jobs } = await admin(
            `query { jobs(options: { take: 1000, filter: { queueName: { eq: "update-search-index" } } }) {
                items { id state progress error }
            } }`,
        );
        const job = jobs.items.find(j => String(j.id) === String(jobId));
        if (job && job.state === 'COMPLETED') break;
        if (job && (job.state === 'FAILED' || job.state === 'CANCELLED')) {
            throw new Error(`reindex of ${label} ${job.state}: ${JSON.stringify(job.error)}`);
        }
        if (Date.now() > deadline) throw new Error(`reindex of ${label} timed out (job ${jobId}: ${JSON.stringify(job)})`);
        await new Promise(r => setTimeout(r, 500));
    }
    step(`search index rebuilt for ${label}`);
}

// ---------------------------------------------------------------------- main

async function main() {
    const started = Date.now();
    const { bootstrap, JobQueueService } = require('@vendure/core');
    fs.mkdirSync(DATA_DIR, { recursive: true });
    process.env.VENDURE_DISABLE_TELEMETRY = process.env.VENDURE_DISABLE_TELEMETRY || 'true';

    let app;
    if (isFreshDatabase()) {
        step('empty database: creating the schema and loading Vendure sample data');
        const { populate } = require('@vendure/core/cli');
        const assets = sampleAssetsDir();
        const initialData = JSON.parse(fs.readFileSync(path.join(assets, 'initial-data.json'), 'utf8'));
        // Dhow's own payment method is created below through the Admin API.
        initialData.paymentMethods = [];
        app = await populate(
            () => bootstrap(makeConfig({ synchronize: true })),
            initialData,
            path.join(assets, 'products.csv'),
        );
        step(`sample data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else {
        step('database already populated: sample data load skipped');
        app = await bootstrap(makeConfig({ synchronize: false }));
    }
    await app.get(JobQueueService).start();

    try {
        await login();
        await setupDefaultChannel();
        const variants = await setupDefaultPrices();
        const stockLocationId = await defaultStockLocationId();
        await setupOutOfStock(variants, stockLocationId);
        const paymentMethodId = await setupPaymentMethod();
        const promotionId = await setupPromotion();
        await setupEuChannel(stockLocationId, paymentMethodId, promotionId);
        await setupEuPrices(variants);
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
