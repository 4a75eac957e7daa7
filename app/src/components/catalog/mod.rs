//! Catalog components: collection cards, product cards and grids, gallery, variant picker, search filters, recommendations.

mod collection_list;
mod facet_filters;
mod gallery;
mod product_card;
mod product_grid;
mod recently_viewed;
mod recommendations;
mod variant_picker;

pub use collection_list::CollectionList;
pub use facet_filters::FacetFilters;
pub use gallery::Gallery;
pub use product_card::ProductCard;
pub use product_grid::{ItemList, ProductGrid};
pub use recently_viewed::{RECENT_SHOWN, RecentlyViewed};
pub use recommendations::{
    ALIKE, AlikeProducts, BoughtTogether, CompleteYourOrder, FrequentlyBoughtTogether, TOGETHER,
    YouMayAlsoLike,
};
pub use variant_picker::{ValueState, VariantPicker, initial_selection, value_state};
