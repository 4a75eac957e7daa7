# Dhow storefront — English (United States).
# Every other locale has exactly these message ids (a test checks it).

## Page frame
skip-to-content = Skip to content
footer-nav = Store information
market-links-label = Shop in another country or region

## Home
home-featured = Featured products
home-collections = Shop by collection

## Market selector
market-country = Country/region
market-language = Language

## Prices and market terms
# $amount (String) - a formatted price converted from another currency
price-approx = ≈ { $amount }
price-was = Was
terms-tax-included = Tax included
terms-tax-excluded = Plus tax
terms-duties-paid = Duties and import taxes are paid at checkout
terms-duties-due = Import duties may be due on delivery

## Products
product-sold-out = Sold out
variant-sold-out = sold out
variant-unavailable = Unavailable
quantity = Quantity
add-to-cart = Add to cart
# $count (Number) - units left in stock
stock-low = { $count ->
    [one] Only one left
   *[other] Only { $count } left
}
# $index (Number), $count (Number)
gallery-show-image = Show image { $index } of { $count }

## Search and collections
search-label = Search products
search-placeholder = Search
search-submit = Search
search-all = All products
# $query (String) - what the shopper searched for
search-results-for = Results for “{ $query }”
# $count (Number)
search-count = { $count ->
    [0] No products
    [one] One product
   *[other] { $count } products
}
search-empty = Nothing matches these filters. Try removing some.
sort-label = Sort by
sort-featured = Featured
sort-price_asc = Price: low to high
sort-price_desc = Price: high to low
sort-title_asc = Name: A to Z
sort-newest = Newest
filter-title = Filters
filter-collection = Collection
filter-price = Price
# $min (String), $max (String) - formatted prices
filter-price-range = From { $min } to { $max }
filter-price-min = Min
filter-price-max = Max
filter-apply = Apply
filter-in-stock = In stock only
filter-clear = Clear filters
pagination-label = Pages
pagination-previous = Previous
pagination-next = Next
# $page (Number), $pages (Number)
pagination-status = Page { $page } of { $pages }

## Cart
cart-button = Cart
# $count (Number) - items in the cart
cart-count = { $count ->
    [0] Your cart is empty
    [one] One item in your cart
   *[other] { $count } items in your cart
}
cart-title = Your cart
cart-close = Close cart
cart-empty = Your cart is empty.
cart-continue = Continue shopping
cart-checkout = Checkout
cart-view = View cart
cart-remove = Remove
# $title (String) - product title
cart-remove-item = Remove { $title }
cart-decrease = Decrease quantity
cart-increase = Increase quantity
# $title (String)
cart-quantity-of = Quantity of { $title }
# $price (String) - formatted unit price
cart-unit-price = { $price } each
# $count (Number)
cart-line-quantity = Quantity: { $count }

## Discount codes
promo-label = Discount code
promo-apply = Apply
promo-empty = Enter a code first.
promo-free-shipping = Free shipping
# $code (String)
promo-remove-code = Remove code { $code }
promo-unknown = “{ $code }” isn't a valid code.
promo-expired = “{ $code }” has expired.
promo-used-up = “{ $code }” has been used as many times as it can be.
promo-minimum = “{ $code }” needs a bigger order.
promo-not-in-market = “{ $code }” can't be used in this country/region.
promo-already-applied = “{ $code }” is already applied.
promo-not-combinable = “{ $code }” can't be combined with the code you already have.

## Totals
totals-subtotal = Subtotal
totals-discount = Discount
totals-shipping = Shipping
totals-shipping-pending = Calculated at checkout
totals-tax = Tax
# $amount (String)
totals-tax-included = Includes { $amount } in taxes
totals-duties = Duties and import taxes
# $amount (String)
totals-duties-due = Import duties of about { $amount } may be due on delivery
totals-total = Total
totals-estimate = Estimate

## Checkout
checkout-title = Checkout
checkout-close = Close checkout
checkout-details = Contact and delivery
checkout-email = Email
# $country (String) - country name
checkout-shipping-to = Shipping to { $country }. To ship elsewhere, change the country/region at the top of the page.
checkout-bill-to-shipping = Bill to the shipping address
checkout-billing-address = Billing address
checkout-billing-country = Country/region of the billing address
checkout-continue-shipping = Continue to shipping
checkout-shipping = Shipping method
checkout-continue-payment = Continue to payment
checkout-payment = Payment
checkout-edit = Edit
# $total (String)
checkout-pay-total = You pay { $total }
checkout-place-order = Place order
checkout-out-of-stock = Part of your order just sold out. Please review your cart.
shipping-free = Free
# $min (Number), $max (Number) - business days
shipping-days = { $min }–{ $max } business days
summary-title = Order summary
payment-test-hint = Test payments only: use card 4242 4242 4242 4242 with any future date.
payment-card-number = Card number
payment-card-expiry = Expiry (MM/YY)
payment-card-cvc = Security code
payment-declined = Your card was declined. Nothing was charged; please try another card.

## Address form
address-first_name = First name
address-last_name = Last name
address-company = Company
address-line1 = Address
address-line2 = Apartment, suite, etc.
address-phone = Phone
address-city-city = City
address-city-post_town = Town/city
address-city-suburb = Suburb
address-city-district = District
address-region-state = State
address-region-province = Province
address-region-prefecture = Prefecture
address-region-county = County
address-region-emirate = Emirate
address-region-region = Region
address-region-department = Department
address-region-area = Area
address-region-do_si = Province/city
address-region-governorate = Governorate
address-postal-postal_code = Postal code
address-postal-zip_code = ZIP code
address-postal-postcode = Postcode
address-postal-pin = PIN code
address-postal-eircode = Eircode
address-choose = Choose…
# $example (String) - a valid postal code
address-example = For example { $example }
field-optional = (optional)
field-required = This field is required.
field-invalid = This doesn't look right.
# $max (Number)
field-too-long = Use at most { $max } characters.
# $example (String)
field-postal-code = Enter a valid postal code, for example { $example }.
field-unknown-region = Choose one from the list.
field-country-not-served = We don't ship to this country from this store.

## Orders
order-thanks = Thank you for your order!
# $number (String)
order-title = Order { $number }
order-number-label = Order number:
# $email (String)
order-email-sent = A confirmation is on its way to { $email }.
order-ship-to = Shipping to
order-lookup-title = Find an order
order-lookup-number = Order number
order-lookup-submit = Find order
order-lookup-missing = Enter your order number and email.
order-lookup-not-found = We couldn't find an order with this number and email.

## Errors
error-unreachable = We can't reach the store right now. Check your connection and try again.
error-not-found = We couldn't find what you were looking for.
error-generic = Something went wrong on our side. Please try again.
# $count (Number) - how many can still be bought
error-out-of-stock = { $count ->
    [0] Sorry, this item just sold out.
    [one] Sorry, only one is left in stock.
   *[other] Sorry, only { $count } are left in stock.
}
error-conflict = Your cart changed in another window. We've reloaded it; please check it and try again.
error-retry = Try again

## Not found
not-found-title = Page not found
not-found-body = The page you're looking for doesn't exist or has moved.
not-found-home = Back to the shop

## Notices about the cart, and the screen shown if the app fails
notice-cart-not-kept = This browser is not keeping this store's data: your cart lasts only while this page is open.
notice-cart-set-aside = Your saved cart could not be restored, so a new one was started.
notice-order-placed = Your order { $number } was placed.
notice-view-order = View order
notice-dismiss = Dismiss
crash-message = Something went wrong — reload the page. Your cart and any order you placed are kept.
crash-reload = Reload

## Recommendations
recs-bought-together = Frequently bought together
recs-similar = You may also like
recs-complete = Complete your order
recs-this-item = This item: { $title }
recs-total = Total price:
recs-add-all = { $count ->
    [one] Add it to cart
   *[other] Add all { $count } to cart
}
recs-add = Add
recs-add-named = Add { $title }

## Consent banner and privacy settings
consent-title = Your privacy
consent-text = We keep what the shop needs to work (your cart, your checkout, this choice). With your permission we also measure visits and sales, and personalise ads.
consent-accept-all = Accept all
consent-reject-all = Reject all
consent-manage = Manage
consent-necessary = Necessary
consent-necessary-text = Cart, checkout and this choice. Always on.
consent-analytics = Analytics
consent-analytics-text = Which pages and products are seen and bought.
consent-marketing = Marketing
consent-marketing-text = Advertising and personalised offers.
consent-save = Save choices
privacy-settings = Privacy settings
consent-functional = Preferences
consent-functional-text = Remembering the products you viewed, to show them again.

## Recently viewed products
recent-title = Recently viewed

## Accounts
account-title = Account
account-nav-label = Your account
account-sign-in = Sign in
account-register = Create account
account-sign-out = Sign out
account-email = Email
account-password = Password
account-password-rule = Use { $min } to { $max } characters.
account-first-name = First name
account-last-name = Last name
account-phone = Phone
account-no-account = New here?
account-have-account = Already have an account?
account-forgot = Forgot your password?
account-wrong-credentials = Wrong email or password.
account-email-taken = An account with this email exists already. Sign in, or reset its password.
account-not-verified = Your account is not verified yet: follow the link in the email we sent you.
account-too-many = Too many attempts. Try again in { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
}.
account-too-many-later = Too many attempts. Try again later.
account-signed-out = You are signed out. Sign in again to go on.
account-unavailable = Accounts are not available in this store right now.
account-check-fields = Some fields need attention.
account-signed-in-as = Signed in as { $name }
account-profile = Profile
account-profile-save = Save profile
account-profile-saved = Your profile was saved.
account-orders = Order history
account-orders-empty = You have no orders yet.
account-orders-more = Show more orders
account-order-view = Order { $number }
account-order-date = Placed on { $date }
account-order-items = { $count ->
    [one] 1 item
   *[other] { $count } items
}
account-order-status-placed = Placed
account-order-status-fulfilled = Shipped
account-order-status-cancelled = Cancelled
account-addresses = Addresses
account-addresses-empty = You have no saved addresses yet.
account-address-add = Add an address
account-address-edit = Edit
account-address-edit-title = Edit the address
account-address-edit-label = Edit { $address }
account-address-remove = Remove
account-address-remove-label = Remove { $address }
account-address-save = Save address
account-address-cancel = Cancel
account-address-country = Country or region
account-address-default-shipping = Default shipping address
account-address-default-billing = Default billing address
account-address-saved = The address was saved.
account-address-removed = The address was removed.
account-save-address = Save this address to my address book
account-view-order = See this order in your account
account-reset-title = Reset your password
account-reset-request = Send a reset link
account-reset-sent = If { $email } has an account, a link to reset its password is on its way.
account-reset-new = New password
account-reset-submit = Set the new password
account-reset-done = Your password was changed. Sign in with the new one.
account-reset-invalid = This reset link does not work any more. Ask for a new one.
account-reset-unsupported = This store cannot reset passwords here. Please contact the store.
account-outbox-title = Development outbox
account-outbox-intro = The built-in store sends no e-mail: the messages it would have sent are listed here.
account-outbox-empty = No messages yet.
account-outbox-open = Open the password reset link
