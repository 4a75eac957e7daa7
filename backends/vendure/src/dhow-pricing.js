// Price calculation for Dhow's test server: in a channel whose prices include tax,
// the stored price is the shelf price in EVERY tax zone, with the destination's tax
// inside it (¥14,900 in Japan holds 10 %, €89 in Germany 19 %), as in Dhow's local
// engine. Vendure's default strategy instead strips the channel's default-zone tax
// outside that zone and adds the destination's, so a Japanese address would turn
// ¥14,900 into 14,900 / 1.19 × 1.10 = ¥13,773.
'use strict';

class ShelfPriceCalculationStrategy {
    async calculate({ inputPrice, ctx }) {
        return { price: inputPrice, priceIncludesTax: ctx.channel.pricesIncludeTax };
    }
}

module.exports = { ShelfPriceCalculationStrategy };
