//! `<CartTotals>`: subtotal, discounts, shipping, taxes, duties and total, each marked when it
//! is still an estimate.

use dhow_sdk::DutyTerms;
use dhow_sdk::model::{CartTotals as Totals, Figure};
use leptos::prelude::*;

use crate::format::format_money;
use crate::i18n::use_i18n;

/// A cart's or an order's totals as a definition list.
#[component]
pub fn CartTotals(
    /// The totals to show.
    #[prop(into)]
    totals: Signal<Totals>,
) -> impl IntoView {
    let i18n = use_i18n();
    let row = move |key: &'static str, figure: Figure, negative: bool| {
        let locale = i18n.locale();
        let amount = format_money(&locale, figure.amount);
        let amount = if negative {
            format!("−{amount}")
        } else {
            amount
        };
        view! {
            <div class="dhow-totals__row" data-total=key>
                <dt>{i18n.t(key)}</dt>
                <dd>
                    <span class="dhow-totals__amount">{amount}</span>
                    {figure.estimate.then(|| view! {
                        <span class="dhow-totals__estimate">{i18n.t("totals-estimate")}</span>
                    })}
                </dd>
            </div>
        }
    };
    move || {
        let t = totals.get();
        let locale = i18n.locale();
        let discount =
            (!t.discount.amount.is_zero()).then(|| row("totals-discount", t.discount, true));
        let shipping = match t.shipping {
            Some(figure) => row("totals-shipping", figure, false).into_any(),
            None => view! {
                <div class="dhow-totals__row" data-total="totals-shipping">
                    <dt>{i18n.t("totals-shipping")}</dt>
                    <dd>{i18n.t("totals-shipping-pending")}</dd>
                </div>
            }
            .into_any(),
        };
        let tax = if t.tax_included {
            let amount = format_money(&locale, t.tax.amount);
            view! {
                <p class="dhow-totals__note" data-total="totals-tax-included">
                    {i18n.t_with("totals-tax-included", &[("amount", amount.into())])}
                    {t.tax.estimate.then(|| view! { " " <span class="dhow-totals__estimate">{i18n.t("totals-estimate")}</span> })}
                </p>
            }
            .into_any()
        } else {
            row("totals-tax", t.tax, false).into_any()
        };
        let duties = t
            .duties
            .filter(|d| !d.amount.is_zero())
            .map(|d| match t.duty_terms {
                DutyTerms::PaidAtCheckout => row("totals-duties", d, false).into_any(),
                DutyTerms::DueOnDelivery => {
                    let amount = format_money(&locale, d.amount);
                    view! {
                        <p class="dhow-totals__note" data-total="totals-duties-due">
                            {i18n.t_with("totals-duties-due", &[("amount", amount.into())])}
                        </p>
                    }
                    .into_any()
                }
            });
        let total = row("totals-total", t.total, false);
        let (tax_row, tax_note) = if t.tax_included {
            (None, Some(tax))
        } else {
            (Some(tax), None)
        };
        view! {
            <div class="dhow-totals" part="totals">
                <dl>
                    {row("totals-subtotal", t.subtotal, false)}
                    {discount}
                    {shipping}
                    {tax_row}
                    {duties}
                    {total}
                </dl>
                {tax_note}
            </div>
        }
    }
}
