//! Recommendations: `<FrequentlyBoughtTogether>` and `<YouMayAlsoLike>` on a product page,
//! `<CompleteYourOrder>` in the cart. Each shows only products sold and in stock in the
//! shopper's market, priced there, and shows nothing at all when there is nothing to show.

use dhow_sdk::model::{self, Product, Variant};
use leptos::prelude::*;

use super::ProductCard;
use crate::components::money::Price;
use crate::hooks::{
    RecommendationKind, use_cart, use_market, use_recommendations, use_recommendations_here,
};
use crate::i18n::use_i18n;
use crate::snapshot::Prerender;

/// How many other products "Frequently bought together" offers with this one.
pub const TOGETHER: usize = 2;
/// How many products "You may also like" shows.
pub const ALIKE: usize = 4;
/// How many products "Complete your order" offers.
const COMPLETE: usize = 3;

/// The variant a recommendation adds: the first one in stock.
fn first_available(product: &Product) -> Option<Variant> {
    product.variants.iter().find(|v| v.available).cloned()
}

/// "Frequently bought together": this product (in the variant chosen) and the products most
/// often bought with it, their exact total in the market's currency, and one button that adds
/// them all. Reads the lists with [`use_recommendations`] (prerendered on a product page).
#[component]
pub fn FrequentlyBoughtTogether(
    /// The product on the page.
    #[prop(into)]
    product: Signal<Product>,
    /// The variant chosen on the page; the set is offered only while it can be bought.
    #[prop(into)]
    variant: Signal<Option<Variant>>,
) -> impl IntoView {
    let others = use_recommendations(
        move || vec![product.with(|p| p.handle.clone())],
        RecommendationKind::BoughtTogether,
        TOGETHER,
        Prerender::Yes,
    );
    let others = Signal::derive(move || {
        others.with(|o| match o {
            Some(Ok(others)) => others.clone(),
            _ => Vec::new(),
        })
    });
    view! { <BoughtTogether product=product variant=variant others=others/> }
}

/// The set of "Frequently bought together" for products read elsewhere: `product` in `variant`
/// with `others` (each in its first variant in stock), their total, and "Add all".
#[component]
pub fn BoughtTogether(
    /// The product the set is for.
    #[prop(into)]
    product: Signal<Product>,
    /// Its variant; the set is offered only while it can be bought.
    #[prop(into)]
    variant: Signal<Option<Variant>>,
    /// The products bought with it, best first; nothing is shown while empty.
    #[prop(into)]
    others: Signal<Vec<Product>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    // This product's variant, then each other product's first variant in stock.
    let set = Memo::new(move |_| {
        let this = variant.get().filter(|v| v.available)?;
        let others = others.get();
        if others.is_empty() {
            return None;
        }
        let mut set = vec![(product.get(), this)];
        set.extend(
            others
                .into_iter()
                .filter_map(|p| first_available(&p).map(|v| (p, v))),
        );
        Some(set)
    });
    let total = move || {
        set.with(|set| {
            let set = set.as_ref()?;
            let (_, first) = set.first()?;
            let mut amount = first.price.amount;
            for (_, v) in &set[1..] {
                amount = amount.checked_add(v.price.amount).ok()?;
            }
            Some(model::Price {
                amount,
                compare_at: None,
                tax_included: first.price.tax_included,
                converted: set.iter().any(|(_, v)| v.price.converted),
            })
        })
    };
    let add_all = move |_| {
        if let Some(set) = set.get_untracked() {
            for (product, variant) in &set {
                cart.add(product, variant, 1);
            }
            cart.open_drawer_after_paint();
        }
    };
    move || {
        set.get().map(|items| {
            let count = items.len();
            let items = items
                .into_iter()
                .enumerate()
                .map(|(index, (product, variant))| {
                    view! { <TogetherItem product=product variant=variant this=index == 0/> }
                })
                .collect_view();
            view! {
                <section class="dhow-recs dhow-recs--together" part="recommendations"
                    aria-labelledby="dhow-recs-together">
                    <h2 id="dhow-recs-together" class="dhow-recs__title">{move || i18n.t("recs-bought-together")}</h2>
                    <ul class="dhow-recs__set" role="list">{items}</ul>
                    <p class="dhow-recs__total" part="total">
                        <span>{move || i18n.t("recs-total")}" "</span>
                        {move || total().map(|t| view! { <Price price=t/> })}
                    </p>
                    <button type="button" class="dhow-button" part="button" on:click=add_all>
                        {move || i18n.t_with("recs-add-all", &[("count", (count as u32).into())])}
                    </button>
                </section>
            }
        })
    }
}

/// One product of a set: image, title (with the variant added), price.
#[component]
fn TogetherItem(product: Product, variant: Variant, this: bool) -> impl IntoView {
    let i18n = use_i18n();
    let market = use_market();
    let path = crate::search_params::product_path(&product.handle);
    let href = move || market.href(&path);
    let image = product.images.first().cloned();
    let options = (!product.options.is_empty()).then(|| variant.title.clone());
    view! {
        <li class="dhow-recs__item" part="item">
            {image.map(|img| view! {
                <img class="dhow-recs__image" src=img.url.clone() alt="" srcset=img.srcset() sizes="6rem"
                    width=img.width height=img.height loading="lazy" decoding="async"/>
            })}
            <span class="dhow-recs__name">
                {if this {
                    let title = product.title.clone();
                    view! {
                        <strong>{move || i18n.t_with("recs-this-item", &[("title", title.clone().into())])}</strong>
                    }
                    .into_any()
                } else {
                    view! { <a href=href>{product.title.clone()}</a> }.into_any()
                }}
                {options.map(|o| view! { <span class="dhow-recs__variant">{o}</span> })}
            </span>
            <Price price=variant.price/>
        </li>
    }
}

/// "You may also like": products like this one, as cards. Reads the lists with
/// [`use_recommendations`] (prerendered on a product page).
#[component]
pub fn YouMayAlsoLike(
    /// The product on the page (its handle).
    #[prop(into)]
    handle: Signal<String>,
) -> impl IntoView {
    let alike = use_recommendations(
        move || vec![handle.get()],
        RecommendationKind::Similar,
        ALIKE,
        Prerender::Yes,
    );
    let products = Signal::derive(move || {
        alike.with(|a| match a {
            Some(Ok(products)) => products.clone(),
            _ => Vec::new(),
        })
    });
    view! { <AlikeProducts products=products/> }
}

/// "You may also like" for products read elsewhere; nothing while `products` is empty.
#[component]
pub fn AlikeProducts(
    /// The products, best first.
    #[prop(into)]
    products: Signal<Vec<Product>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let products = products.get();
        (!products.is_empty()).then(|| {
            view! {
                <section class="dhow-recs dhow-recs--alike" part="recommendations"
                    aria-labelledby="dhow-recs-alike">
                    <h2 id="dhow-recs-alike" class="dhow-recs__title">{move || i18n.t("recs-similar")}</h2>
                    <ul class="dhow-product-grid" part="product-grid" role="list">
                        {products.into_iter().map(|p| view! { <li><ProductCard product=p/></li> }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// "Complete your order": products often bought with what is in the cart, each with its own
/// "Add" button.
#[component]
pub fn CompleteYourOrder() -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let market = use_market();
    let in_cart = Memo::new(move |_| {
        cart.cart.with(|c| {
            c.as_ref()
                .map(|c| c.lines.iter().map(|l| l.handle.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let offers = use_recommendations_here(move || {
        Some((in_cart.get(), RecommendationKind::BoughtTogether, COMPLETE))
    });
    move || {
        let products = offers.get();
        (!products.is_empty() && !in_cart.with(Vec::is_empty))
            .then_some(products)
            .map(|products| {
                let items = products
                    .into_iter()
                    .filter_map(|p| first_available(&p).map(|v| (p, v)))
                    .map(|(product, variant)| {
                        let path = crate::search_params::product_path(&product.handle);
                        let href = move || market.href(&path);
                        let title = product.title.clone();
                        let label = {
                            let title = title.clone();
                            move || i18n.t_with("recs-add-named", &[("title", title.clone().into())])
                        };
                        let stored = StoredValue::new((product, variant.clone()));
                        view! {
                            <li class="dhow-recs__item" part="item">
                                <a href=href>{title}</a>
                                <Price price=variant.price/>
                                <button type="button" class="dhow-link-button" aria-label=label
                                    on:click=move |_| stored.with_value(|(p, v)| cart.add(p, v, 1))>
                                    {move || i18n.t("recs-add")}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="dhow-recs dhow-recs--complete" part="recommendations"
                        aria-labelledby="dhow-recs-complete">
                        <h3 id="dhow-recs-complete" class="dhow-recs__title">{move || i18n.t("recs-complete")}</h3>
                        <ul class="dhow-recs__list" role="list">{items}</ul>
                    </section>
                }
            })
    }
}
