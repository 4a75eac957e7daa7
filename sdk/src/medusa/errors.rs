//! Medusa's refusals as the SDK's errors, through one table. Medusa answers an error with an
//! HTTP status and a `{type, code, message}` body; many refusals have no code of their own and
//! are told apart only by their English message, and some mean something only for the request
//! that got them (a 404 is the cart's when a cart was asked for). Each rule of [`RULES`] names
//! the request, status, type, code and words it matches; the first matching rule gives the
//! error. `errors/tests.rs` runs a saved Medusa answer through each rule that has one.

use super::transport::{ApiError, Failure};
use crate::error::{Error, FieldError, Problem, PromotionRejection, Resource};
use crate::ids::{AddressId, CartId, LineId, VariantId};

/// What a refused request was doing: the ids its errors name, and which rules apply to it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Request<'a> {
    /// A request about no cart: regions, the catalog, payment providers, a new cart.
    Store,
    /// Reading or changing a cart.
    Cart(&'a CartId),
    /// Adding a variant to a cart.
    AddLine(&'a CartId, &'a VariantId),
    /// Changing a line's quantity.
    UpdateLine(&'a CartId, &'a LineId),
    /// Applying a discount code, as the shopper typed it.
    ApplyCode(&'a CartId, &'a str),
    /// Setting a cart's email.
    SetEmail(&'a CartId),
    /// Setting a cart's shipping or billing address.
    SetAddress(&'a CartId),
    /// Choosing a shipping option.
    ChooseOption(&'a CartId),
    /// Reading an order by id.
    Order(&'a str),
    /// Making an account: its auth identity, then its customer.
    Register,
    /// Signing in with email and password.
    SignIn,
    /// A signed-in customer's request: the profile, the address book, the orders.
    Customer,
    /// A signed-in customer's request about an address of the book.
    Address(&'a AddressId),
    /// Making a cart the signed-in customer's.
    AdoptCart(&'a CartId),
    /// Asking for a password-reset token.
    PasswordReset,
    /// Setting a new password with a reset token.
    NewPassword,
}

/// Which requests a rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// Every request.
    Any,
    /// Every request about a cart.
    Cart,
    /// [`Request::AddLine`].
    AddLine,
    /// [`Request::UpdateLine`].
    UpdateLine,
    /// [`Request::ApplyCode`].
    ApplyCode,
    /// [`Request::SetEmail`].
    SetEmail,
    /// [`Request::SetAddress`].
    SetAddress,
    /// [`Request::ChooseOption`].
    ChooseOption,
    /// [`Request::Order`].
    Order,
    /// Every account request: registering, signing in, a signed-in customer's, a reset.
    Account,
    /// [`Request::Register`].
    Register,
    /// [`Request::SignIn`].
    SignIn,
    /// Every request that acts for a signed-in customer (with the session's bearer token).
    SignedIn,
    /// [`Request::Address`].
    Address,
    /// [`Request::NewPassword`].
    NewPassword,
}

impl Request<'_> {
    fn step(&self) -> Step {
        match self {
            Request::Store => Step::Any,
            Request::Cart(_) => Step::Cart,
            Request::AddLine(..) => Step::AddLine,
            Request::UpdateLine(..) => Step::UpdateLine,
            Request::ApplyCode(..) => Step::ApplyCode,
            Request::SetEmail(_) => Step::SetEmail,
            Request::SetAddress(_) => Step::SetAddress,
            Request::ChooseOption(_) => Step::ChooseOption,
            Request::Order(_) => Step::Order,
            Request::Register => Step::Register,
            Request::SignIn => Step::SignIn,
            Request::Customer | Request::AdoptCart(_) => Step::SignedIn,
            Request::Address(_) => Step::Address,
            Request::PasswordReset => Step::Account,
            Request::NewPassword => Step::NewPassword,
        }
    }

    fn cart(&self) -> Option<&CartId> {
        match *self {
            Request::Store
            | Request::Order(_)
            | Request::Register
            | Request::SignIn
            | Request::Customer
            | Request::Address(_)
            | Request::PasswordReset
            | Request::NewPassword => None,
            Request::Cart(cart)
            | Request::AddLine(cart, _)
            | Request::UpdateLine(cart, _)
            | Request::ApplyCode(cart, _)
            | Request::SetEmail(cart)
            | Request::SetAddress(cart)
            | Request::ChooseOption(cart)
            | Request::AdoptCart(cart) => Some(cart),
        }
    }

    /// Whether the request acts for a signed-in customer.
    fn signed_in(&self) -> bool {
        matches!(
            self,
            Request::Customer | Request::Address(_) | Request::AdoptCart(_)
        )
    }

    /// Whether the request is about accounts (where a 429 means too many attempts).
    fn account(&self) -> bool {
        self.signed_in()
            || matches!(
                self,
                Request::Register | Request::SignIn | Request::PasswordReset | Request::NewPassword
            )
    }

    /// The id the request is about beyond its cart: the variant, line, code or order.
    fn subject(&self) -> &str {
        match self {
            Request::AddLine(_, variant) => variant.as_str(),
            Request::UpdateLine(_, line) => line.as_str(),
            Request::ApplyCode(_, code) | Request::Order(code) => code,
            Request::Cart(cart) | Request::AdoptCart(cart) => cart.as_str(),
            Request::Address(address) => address.as_str(),
            _ => "",
        }
    }
}

/// One row of the table: what a refusal must match (an empty list matches anything; a message
/// matches when it contains one of the words, in any case), and the error it becomes.
pub(crate) struct Rule {
    /// A name for the rule, by which its test finds it.
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    pub during: Step,
    pub status: &'static [u16],
    /// Medusa's `type`.
    pub kind: &'static [&'static str],
    pub code: &'static [&'static str],
    pub words: &'static [&'static str],
    pub error: fn(&Request<'_>, &ApiError) -> Error,
}

impl Rule {
    fn matches(&self, request: &Request<'_>, api: &ApiError) -> bool {
        let step = request.step();
        let during = self.during == Step::Any
            || self.during == step
            || (self.during == Step::Cart && request.cart().is_some())
            || (self.during == Step::SignedIn && request.signed_in())
            || (self.during == Step::Account && request.account());
        let message = crate::text::lowercase(&api.message);
        during
            && (self.status.is_empty() || self.status.contains(&api.status))
            && (self.kind.is_empty() || self.kind.contains(&api.kind.as_str()))
            && (self.code.is_empty() || self.code.contains(&api.code.as_str()))
            && (self.words.is_empty() || self.words.iter().any(|w| message.contains(w)))
    }
}

/// A refused discount code.
fn promotion(request: &Request<'_>, reason: PromotionRejection) -> Error {
    Error::PromotionRejected {
        code: request.subject().to_owned(),
        reason,
    }
}

/// Medusa's refusals, most specific first. Promotions have no codes in Medusa: their reasons
/// are read from the words of its messages (`@medusajs/promotion` 2.x).
pub(crate) static RULES: &[Rule] = &[
    Rule {
        name: "out_of_stock",
        during: Step::Any,
        status: &[],
        kind: &[],
        code: &["insufficient_inventory"],
        words: &[],
        // What is still available is asked of Medusa by the caller, which knows the variant.
        error: |request, _| Error::OutOfStock {
            variant: match request {
                Request::AddLine(_, variant) => variant.to_string(),
                _ => String::new(),
            },
            available: 0,
        },
    },
    Rule {
        name: "publishable_key_refused",
        during: Step::Any,
        status: &[],
        // Medusa 2.x refuses a missing or unknown publishable key as `not_allowed` (400), not
        // 401: without this rule it would read as a conflict, and on a code as a promotion's.
        kind: &["not_allowed"],
        code: &[],
        words: &["publishable"],
        error: unauthorized,
    },
    Rule {
        name: "too_many_attempts",
        during: Step::Account,
        // Medusa 2.21.2 limits no rate itself; a proxy or a brand's middleware in front may.
        status: &[429],
        kind: &[],
        code: &[],
        words: &[],
        error: |_, api| Error::TooManyAttempts {
            retry_after: api.retry_after,
        },
    },
    Rule {
        name: "email_taken",
        during: Step::Register,
        status: &[],
        // "Identity with email already exists" (401): the auth identity, whatever the password.
        kind: &["unauthorized"],
        code: &[],
        words: &["already exists"],
        error: |_, _| Error::EmailTaken,
    },
    Rule {
        name: "wrong_credentials",
        during: Step::SignIn,
        // "Invalid email or password", for an unknown email and a wrong password alike.
        status: &[401],
        kind: &[],
        code: &[],
        words: &[],
        error: |_, _| Error::WrongCredentials,
    },
    Rule {
        name: "reset_token_refused",
        during: Step::NewPassword,
        // "Invalid token": unknown, used, expired, or not a reset token.
        status: &[401],
        kind: &[],
        code: &[],
        words: &[],
        error: |_, _| Error::invalid("token", Problem::Invalid),
    },
    Rule {
        name: "session_expired",
        during: Step::SignedIn,
        // The bearer token is expired or unknown (Medusa says only "Unauthorized").
        status: &[401],
        kind: &[],
        code: &[],
        words: &[],
        error: |_, _| Error::NotSignedIn,
    },
    Rule {
        name: "address_not_found",
        during: Step::Address,
        // Another customer's address answers the same as one that never was.
        status: &[404],
        kind: &[],
        code: &[],
        words: &[],
        error: |request, _| Error::not_found(Resource::Address, request.subject()),
    },
    Rule {
        name: "cart_completed",
        during: Step::Cart,
        status: &[],
        // "Cart cart_… is already completed." (`invalid_data`) answers every change to a
        // completed cart, a code or a shipping option included: the cart's state, not the
        // shopper's input, so it must come before the rules of those requests.
        kind: &["invalid_data", "not_allowed"],
        code: &[],
        words: &["already completed"],
        error: |_, api| Error::Conflict {
            message: api.message.clone(),
        },
    },
    Rule {
        name: "variant_unknown",
        during: Step::AddLine,
        status: &[],
        kind: &["invalid_data"],
        code: &[],
        // Medusa says `invalid_data` for a variant that does not exist or is unpublished.
        words: &["not exist"],
        error: |request, _| Error::not_found(Resource::Variant, request.subject()),
    },
    Rule {
        name: "line_unknown",
        during: Step::UpdateLine,
        status: &[404],
        kind: &[],
        code: &[],
        words: &["item"],
        error: |request, _| Error::not_found(Resource::Line, request.subject()),
    },
    Rule {
        name: "email_refused",
        during: Step::SetEmail,
        status: &[],
        kind: &["invalid_data"],
        code: &[],
        words: &["email"],
        error: |_, _| Error::invalid("email", Problem::Invalid),
    },
    Rule {
        name: "country_not_in_region",
        during: Step::SetAddress,
        status: &[],
        kind: &["invalid_data"],
        code: &[],
        // A country outside the cart's region is the shopper's to fix.
        words: &["not within region"],
        error: |_, _| Error::InvalidInput {
            fields: vec![FieldError::new("country", Problem::CountryNotServed)],
        },
    },
    Rule {
        name: "shipping_option_refused",
        during: Step::ChooseOption,
        status: &[],
        kind: &["invalid_data"],
        code: &[],
        words: &[],
        error: |_, _| Error::invalid("shipping_option", Problem::Invalid),
    },
    Rule {
        name: "promotion_expired",
        during: Step::ApplyCode,
        status: &[],
        kind: &["invalid_data", "not_allowed"],
        code: &[],
        words: &["expired", "ended", "not active", "inactive"],
        error: |request, _| promotion(request, PromotionRejection::Expired),
    },
    Rule {
        name: "promotion_used_up",
        during: Step::ApplyCode,
        status: &[],
        // A spent budget is "not allowed" rather than invalid data.
        kind: &["invalid_data", "not_allowed"],
        code: &[],
        words: &["budget", "usage", "limit"],
        error: |request, _| promotion(request, PromotionRejection::UsedUp),
    },
    Rule {
        name: "promotion_already_applied",
        during: Step::ApplyCode,
        status: &[],
        kind: &["invalid_data", "not_allowed"],
        code: &[],
        words: &["already"],
        error: |request, _| promotion(request, PromotionRejection::AlreadyApplied),
    },
    Rule {
        name: "promotion_not_combinable",
        during: Step::ApplyCode,
        status: &[],
        kind: &["invalid_data", "not_allowed"],
        code: &[],
        words: &["combin"],
        error: |request, _| promotion(request, PromotionRejection::NotCombinable),
    },
    Rule {
        name: "promotion_minimum_not_reached",
        during: Step::ApplyCode,
        status: &[],
        kind: &["invalid_data", "not_allowed"],
        code: &[],
        words: &["minimum"],
        error: |request, _| promotion(request, PromotionRejection::MinimumNotReached),
    },
    Rule {
        name: "promotion_unknown",
        during: Step::ApplyCode,
        status: &[],
        kind: &["invalid_data"],
        code: &[],
        words: &[],
        error: |request, _| promotion(request, PromotionRejection::Unknown),
    },
    Rule {
        name: "cart_not_found",
        during: Step::Cart,
        status: &[404],
        kind: &[],
        code: &[],
        words: &[],
        error: |request, _| {
            Error::not_found(
                Resource::Cart,
                request.cart().map(CartId::as_str).unwrap_or_default(),
            )
        },
    },
    Rule {
        name: "order_not_found",
        during: Step::Order,
        status: &[404],
        kind: &[],
        code: &[],
        words: &[],
        error: |request, _| Error::not_found(Resource::Order, request.subject()),
    },
    Rule {
        name: "not_found_status",
        during: Step::Any,
        status: &[404],
        kind: &[],
        code: &[],
        words: &[],
        error: |_, api| Error::not_found(Resource::Unnamed, &api.message),
    },
    Rule {
        name: "not_found_type",
        during: Step::Any,
        status: &[],
        kind: &["not_found"],
        code: &[],
        words: &[],
        error: |_, api| Error::not_found(Resource::Unnamed, &api.message),
    },
    Rule {
        name: "payment_declined",
        during: Step::Any,
        status: &[],
        kind: &["payment_authorization_error", "payment_requires_more_error"],
        code: &[],
        words: &[],
        error: |_, api| Error::PaymentDeclined {
            reason: Some(api.message.clone()),
        },
    },
    Rule {
        name: "conflict_status",
        during: Step::Any,
        status: &[409],
        kind: &[],
        code: &[],
        words: &[],
        error: |_, api| Error::Conflict {
            message: api.message.clone(),
        },
    },
    Rule {
        name: "conflict_type",
        during: Step::Any,
        status: &[],
        kind: &["not_allowed", "conflict", "duplicate_error"],
        code: &[],
        words: &[],
        error: |_, api| Error::Conflict {
            message: api.message.clone(),
        },
    },
    Rule {
        name: "unauthorized_status",
        during: Step::Any,
        // The Store API answers 401 only on routes that need a signed-in customer.
        status: &[401, 403],
        kind: &[],
        code: &[],
        words: &[],
        error: unauthorized,
    },
    Rule {
        name: "unauthorized_type",
        during: Step::Any,
        status: &[],
        kind: &["unauthorized"],
        code: &[],
        words: &[],
        error: unauthorized,
    },
];

fn unauthorized(_: &Request<'_>, api: &ApiError) -> Error {
    Error::Backend {
        code: "unauthorized".into(),
        message: format!("{} (is the publishable key right?)", api.message),
    }
}

/// The rule a refusal matches, if any.
pub(crate) fn rule_for(request: &Request<'_>, api: &ApiError) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.matches(request, api))
}

/// The SDK error for a refusal of `request`: the first matching rule's, else a backend error
/// with Medusa's type (or the HTTP status when it gave none).
pub(crate) fn refusal(request: &Request<'_>, api: &ApiError) -> Error {
    match rule_for(request, api) {
        Some(rule) => (rule.error)(request, api),
        None => Error::Backend {
            code: if api.kind.is_empty() {
                api.status.to_string()
            } else {
                api.kind.clone()
            },
            message: format!("HTTP {}: {}", api.status, api.message),
        },
    }
}

/// Maps a failed request of `request`: refusals through the table, other failures as they are.
pub(crate) fn during(request: Request<'_>) -> impl Fn(Failure) -> Error + '_ {
    move |failure| match failure {
        Failure::Api(api) => refusal(&request, &api),
        Failure::Other(error) => error,
    }
}

impl From<Failure> for Error {
    fn from(failure: Failure) -> Error {
        during(Request::Store)(failure)
    }
}

impl ApiError {
    /// The SDK error for an answer no caller interpreted more precisely.
    pub fn into_error(self) -> Error {
        refusal(&Request::Store, &self)
    }
}

#[cfg(test)]
mod tests;
