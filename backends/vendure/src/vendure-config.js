// Vendure configuration for Dhow's local test backend.
//
// This server exists only so that Dhow's SDK and end-to-end tests can talk to a
// real Vendure Shop API on 127.0.0.1. Nothing here is meant for production.
'use strict';

const path = require('path');
const {
    AddressBasedTaxZoneStrategy,
    DefaultSearchPlugin,
    defaultShippingCalculator,
    dummyPaymentHandler,
} = require('@vendure/core');
const { AssetServerPlugin } = require('@vendure/asset-server-plugin');
const { perCurrencyShippingCalculator } = require('./dhow-shipping');
const { ShelfPriceCalculationStrategy } = require('./dhow-pricing');

const ROOT = path.join(__dirname, '..');
const DATA_DIR = process.env.DHOW_VENDURE_DATA_DIR || path.join(ROOT, '.data');
const DB_FILE = path.join(DATA_DIR, 'vendure.sqlite');
const HOST = process.env.DHOW_VENDURE_HOST || '127.0.0.1';
const PORT = Number(process.env.DHOW_VENDURE_PORT || 3000);

// TEST-ONLY credentials. The server listens on the loopback interface and holds
// nothing but Dhow's demo data; override through the environment if you like.
const SUPERADMIN_USERNAME = process.env.DHOW_VENDURE_SUPERADMIN_USERNAME || 'superadmin';
const SUPERADMIN_PASSWORD = process.env.DHOW_VENDURE_SUPERADMIN_PASSWORD || 'superadmin';
// TEST-ONLY cookie secret (sessions are normally carried as bearer tokens).
const COOKIE_SECRET = process.env.DHOW_VENDURE_COOKIE_SECRET || 'dhow-test-only-cookie-secret';

// trunk serve (8080) and the e2e servers (4173 local backend, 4174 Medusa, 4175 this one).
const STOREFRONT_ORIGINS = [
    'http://127.0.0.1:4173',
    'http://127.0.0.1:4174',
    'http://127.0.0.1:4175',
    'http://127.0.0.1:8080',
    'http://localhost:4173',
    'http://localhost:8080',
];

/**
 * Build the config. `synchronize` and `seeding` are only turned on by the seeding
 * script, which creates the schema of a brand-new database; the server itself
 * never alters it.
 */
function makeConfig({ synchronize = false, seeding = false } = {}) {
    return {
        apiOptions: {
            hostname: HOST,
            port: PORT,
            shopApiPath: 'shop-api',
            // The Admin API is served on the same loopback port; only
            // src/populate.js uses it (to seed prices, channels, promotions).
            adminApiPath: 'admin-api',
            // Vendure adds its session header (vendure-auth-token) to the exposed headers itself.
            cors: { origin: STOREFRONT_ORIGINS, credentials: true },
            shopApiPlayground: false,
            adminApiPlayground: false,
            shopApiDebug: false,
            adminApiDebug: false,
        },
        authOptions: {
            tokenMethod: ['bearer', 'cookie'],
            requireVerification: false,
            superadminCredentials: {
                identifier: SUPERADMIN_USERNAME,
                password: SUPERADMIN_PASSWORD,
            },
            cookieOptions: { secret: COOKIE_SECRET },
        },
        dbConnectionOptions: {
            type: 'better-sqlite3',
            database: DB_FILE,
            synchronize,
            migrations: [],
            logging: false,
        },
        paymentOptions: {
            paymentMethodHandlers: [dummyPaymentHandler],
        },
        catalogOptions: {
            productVariantPriceCalculationStrategy: new ShelfPriceCalculationStrategy(),
        },
        shippingOptions: {
            shippingCalculators: [defaultShippingCalculator, perCurrencyShippingCalculator],
        },
        // Tax by the order's shipping country (Vendure's default strategy always uses the
        // channel's default tax zone, which would tax a US address in the EU channel's zone).
        taxOptions: {
            taxZoneStrategy: new AddressBasedTaxZoneStrategy(),
        },
        // No jobQueueOptions: Vendure's default InMemoryJobQueueStrategy is used and
        // src/index.js starts the JobQueueService inside the server process, so
        // jobs (search indexing, asset work) run without a separate worker.
        customFields: {},
        plugins: [
            AssetServerPlugin.init({
                route: 'assets',
                assetUploadDir: path.join(DATA_DIR, 'assets'),
                assetUrlPrefix: `http://${HOST}:${PORT}/assets/`,
            }),
            // While seeding, index updates are buffered (and dropped): the seed rebuilds the
            // whole index at the end, which is much quicker than one job per change.
            DefaultSearchPlugin.init({ bufferUpdates: seeding, indexStockStatus: true }),
        ],
    };
}

/** Sample data shipped by the @vendure/create npm package (only its country list is used). */
function sampleAssetsDir() {
    return path.join(path.dirname(require.resolve('@vendure/create/package.json')), 'assets');
}

module.exports = {
    makeConfig,
    sampleAssetsDir,
    DATA_DIR,
    DB_FILE,
    HOST,
    PORT,
    SUPERADMIN_USERNAME,
    SUPERADMIN_PASSWORD,
};
