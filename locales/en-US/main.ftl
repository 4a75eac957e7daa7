# Dhow storefront — English (United States)

## Home
home-featured = Featured products

## Prices
# $amount (String) - a formatted price converted from another currency
price-approx = ≈ { $amount }
price-was = Was

## Products
product-sold-out = Sold out

## Errors
error-unreachable = We can't reach the store right now. Check your connection and try again.
error-not-found = We couldn't find what you were looking for.
error-generic = Something went wrong on our side. Please try again.
error-retry = Try again

## Not found
not-found-title = Page not found
not-found-body = The page you're looking for doesn't exist or has moved.
not-found-home = Back to the shop
