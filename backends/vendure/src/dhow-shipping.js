// Shipping calculator for Dhow's test server: one flat rate per currency (Vendure's
// default calculator has a single rate for every currency), taxed at the
// destination country's rate, as in Dhow's local engine.
'use strict';

const { LanguageCode, ShippingCalculator } = require('@vendure/core');

const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY'];

// "US=0 DE=19 FR=20" -> { US: 0, DE: 19, FR: 20 }
function parseRates(text) {
    const rates = {};
    for (const pair of String(text || '').split(/\s+/).filter(Boolean)) {
        const [country, rate] = pair.split('=');
        rates[country.toUpperCase()] = Number(rate);
    }
    return rates;
}

const args = {
    includesTax: {
        type: 'string',
        defaultValue: 'auto',
        label: [{ languageCode: LanguageCode.en, value: 'Price includes tax: include, exclude or auto (the channel)' }],
    },
    taxRates: {
        type: 'string',
        defaultValue: '',
        label: [{ languageCode: LanguageCode.en, value: 'Tax % on shipping per destination, e.g. "US=0 DE=19"' }],
    },
    defaultTaxRate: {
        type: 'float',
        defaultValue: 0,
        label: [{ languageCode: LanguageCode.en, value: 'Tax % on shipping elsewhere' }],
    },
};
for (const c of CURRENCIES) {
    args[c] = {
        type: 'int',
        defaultValue: 0,
        label: [{ languageCode: LanguageCode.en, value: `Price in ${c} (minor units, 2 decimals for every currency)` }],
    };
}

const perCurrencyShippingCalculator = new ShippingCalculator({
    code: 'dhow-per-currency-calculator',
    description: [{ languageCode: LanguageCode.en, value: 'Flat rate per currency, taxed by destination' }],
    args,
    calculate: (ctx, order, a) => {
        const currency = order.currencyCode || ctx.currencyCode || ctx.channel.defaultCurrencyCode;
        if (!CURRENCIES.includes(currency)) {
            throw new Error(`dhow-per-currency-calculator: no rate in ${currency}`);
        }
        const country = order.shippingAddress && order.shippingAddress.countryCode;
        const rates = parseRates(a.taxRates);
        const taxRate = country && country.toUpperCase() in rates ? rates[country.toUpperCase()] : a.defaultTaxRate;
        const priceIncludesTax =
            a.includesTax === 'include' ? true : a.includesTax === 'exclude' ? false : ctx.channel.pricesIncludeTax;
        return { price: a[currency], priceIncludesTax, taxRate };
    },
});

module.exports = { perCurrencyShippingCalculator, SHIPPING_CURRENCIES: CURRENCIES };
