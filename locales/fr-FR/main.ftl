# Dhow storefront — French (France).
# Every locale has exactly the message ids of en-US (a test checks it).

## Page frame
skip-to-content = Aller au contenu
footer-nav = Informations sur la boutique
market-links-label = Acheter depuis un autre pays ou une autre région

## Home
home-featured = Produits phares
home-collections = Nos collections

## Market selector
market-country = Pays/région
market-language = Langue

## Prices and market terms
# $amount (String) - a formatted price converted from another currency
price-approx = ≈ { $amount }
price-was = Au lieu de
terms-tax-included = TTC
terms-tax-excluded = HT
terms-duties-paid = Droits de douane et taxes d’importation réglés lors du paiement
terms-duties-due = Des droits d’importation peuvent être exigés à la livraison

## Products
product-sold-out = Épuisé
variant-sold-out = épuisé
variant-unavailable = Indisponible
quantity = Quantité
add-to-cart = Ajouter au panier
# $count (Number) - units left in stock
stock-low = { $count ->
    [0] Épuisé
    [one] Plus qu’un seul en stock
   *[other] Plus que { $count } en stock
}
# $index (Number), $count (Number)
gallery-show-image = Afficher l’image { $index } sur { $count }

## Search and collections
search-label = Rechercher des produits
search-placeholder = Rechercher
search-submit = Rechercher
search-all = Tous les produits
# $query (String) - what the shopper searched for
search-results-for = Résultats pour « { $query } »
# $count (Number)
search-count = { $count ->
    [0] Aucun produit
    [one] Un produit
   *[other] { $count } produits
}
search-empty = Aucun produit ne correspond à ces filtres. Essayez d’en retirer quelques-uns.
sort-label = Trier par
sort-featured = En vedette
sort-price_asc = Prix : croissant
sort-price_desc = Prix : décroissant
sort-title_asc = Nom : de A à Z
sort-newest = Nouveautés
filter-title = Filtres
filter-collection = Collection
filter-price = Prix
# $min (String), $max (String) - formatted prices
filter-price-range = De { $min } à { $max }
filter-price-min = Min.
filter-price-max = Max.
filter-apply = Appliquer
filter-in-stock = En stock uniquement
filter-clear = Effacer les filtres
pagination-label = Pages
pagination-previous = Précédent
pagination-next = Suivant
# $page (Number), $pages (Number)
pagination-status = Page { $page } sur { $pages }

## Cart
cart-button = Panier
# $count (Number) - items in the cart
cart-count = { $count ->
    [0] Votre panier est vide
    [one] Un article dans votre panier
   *[other] { $count } articles dans votre panier
}
cart-title = Votre panier
cart-close = Fermer le panier
cart-empty = Votre panier est vide.
cart-continue = Continuer mes achats
cart-checkout = Passer la commande
cart-view = Voir le panier
cart-remove = Supprimer
# $title (String) - product title
cart-remove-item = Supprimer { $title }
cart-decrease = Diminuer la quantité
cart-increase = Augmenter la quantité
# $title (String)
cart-quantity-of = Quantité pour { $title }
# $price (String) - formatted unit price
cart-unit-price = { $price } l’unité
# $count (Number)
cart-line-quantity = Quantité : { $count }

## Discount codes
promo-label = Code promo
promo-apply = Appliquer
promo-empty = Veuillez d’abord saisir un code.
promo-free-shipping = Livraison offerte
# $code (String)
promo-remove-code = Retirer le code { $code }
promo-unknown = « { $code } » n’est pas un code valide.
promo-expired = Le code « { $code } » a expiré.
promo-used-up = Le code « { $code } » a atteint son nombre maximal d’utilisations.
promo-minimum = Le code « { $code } » nécessite un montant de commande plus élevé.
promo-not-in-market = Le code « { $code } » ne peut pas être utilisé dans ce pays ou cette région.
promo-already-applied = Le code « { $code } » est déjà appliqué.
promo-not-combinable = Le code « { $code } » n’est pas cumulable avec le code déjà appliqué.

## Totals
totals-subtotal = Sous-total
totals-discount = Réduction
totals-shipping = Livraison
totals-shipping-pending = Calculée lors du paiement
totals-tax = Taxes
# $amount (String)
totals-tax-included = Dont { $amount } de taxes
totals-duties = Droits de douane et taxes d’importation
# $amount (String)
totals-duties-due = Des droits d’importation d’environ { $amount } peuvent être exigés à la livraison
totals-total = Total
totals-estimate = Estimation

## Checkout
checkout-title = Finaliser la commande
checkout-close = Fermer le paiement
checkout-details = Coordonnées et livraison
checkout-email = Adresse e-mail
# $country (String) - country name
checkout-shipping-to = Pays de livraison : { $country }. Pour livrer ailleurs, changez de pays/région en haut de la page.
checkout-bill-to-shipping = Adresse de facturation identique à l’adresse de livraison
checkout-billing-address = Adresse de facturation
checkout-billing-country = Pays/région de l’adresse de facturation
checkout-continue-shipping = Continuer vers la livraison
checkout-shipping = Mode de livraison
checkout-continue-payment = Continuer vers le paiement
checkout-payment = Paiement
checkout-edit = Modifier
# $total (String)
checkout-pay-total = Montant à payer : { $total }
checkout-place-order = Commander et payer
checkout-out-of-stock = Certains articles de votre commande viennent d’être épuisés. Veuillez vérifier votre panier.
shipping-free = Gratuit
# $min (Number), $max (Number) - business days
shipping-days = { $min } à { $max } jours ouvrés
summary-title = Récapitulatif de la commande
payment-test-hint = Paiements de test uniquement : utilisez la carte 4242 4242 4242 4242 avec n’importe quelle date d’expiration future.
payment-card-number = Numéro de carte
payment-card-expiry = Date d’expiration (MM/AA)
payment-card-cvc = Code de sécurité
payment-declined = Votre carte a été refusée. Aucun montant n’a été débité ; veuillez essayer une autre carte.

## Address form
address-first_name = Prénom
address-last_name = Nom
address-company = Société
address-line1 = Adresse
address-line2 = Complément d’adresse
address-phone = Téléphone
address-city-city = Ville
address-city-post_town = Localité
address-city-suburb = Quartier
address-city-district = District
address-region-state = État
address-region-province = Province
address-region-prefecture = Préfecture
address-region-county = Comté
address-region-emirate = Émirat
address-region-region = Région
address-region-department = Département
address-region-area = Zone
address-region-do_si = Province/ville
address-region-governorate = Gouvernorat
address-postal-postal_code = Code postal
address-postal-zip_code = Code postal (ZIP)
address-postal-postcode = Code postal
address-postal-pin = Code postal (PIN)
address-postal-eircode = Eircode
address-choose = Sélectionnez…
# $example (String) - a valid postal code
address-example = Exemple : { $example }
field-optional = (facultatif)
field-required = Ce champ est obligatoire.
field-invalid = Cette valeur ne semble pas correcte.
# $max (Number)
field-too-long = Utilisez au maximum { $max } caractères.
# $example (String)
field-postal-code = Saisissez un code postal valide, par exemple { $example }.
field-unknown-region = Choisissez une option dans la liste.
field-country-not-served = Cette boutique ne livre pas dans ce pays.

## Orders
order-thanks = Merci pour votre commande !
# $number (String)
order-title = Commande { $number }
order-number-label = Numéro de commande :
# $email (String)
order-email-sent = Un e-mail de confirmation vous a été envoyé à { $email }.
order-ship-to = Adresse de livraison
order-lookup-title = Retrouver une commande
order-lookup-number = Numéro de commande
order-lookup-submit = Rechercher la commande
order-lookup-missing = Saisissez votre numéro de commande et votre adresse e-mail.
order-lookup-not-found = Aucune commande ne correspond à ce numéro et à cette adresse e-mail.

## Errors
error-unreachable = Impossible de joindre la boutique pour le moment. Vérifiez votre connexion et réessayez.
error-not-found = Nous n’avons pas trouvé ce que vous cherchez.
error-generic = Une erreur s’est produite de notre côté. Veuillez réessayer.
# $count (Number) - how many can still be bought
error-out-of-stock = { $count ->
    [0] Désolé, cet article vient d’être épuisé.
    [one] Désolé, il n’en reste qu’un en stock.
   *[other] Désolé, il n’en reste que { $count } en stock.
}
error-conflict = Votre panier a été modifié dans une autre fenêtre. Nous l’avons rechargé : vérifiez-le et réessayez.
error-retry = Réessayer

## Not found
not-found-title = Page introuvable
not-found-body = La page que vous recherchez n’existe pas ou a été déplacée.
not-found-home = Retour à la boutique

## Notices about the cart, and the screen shown if the app fails
notice-cart-not-kept = Ce navigateur ne conserve pas les données de cette boutique : votre panier ne dure que tant que cette page reste ouverte.
notice-cart-set-aside = Votre panier enregistré n’a pas pu être restauré ; un nouveau panier a été créé.
notice-order-placed = Votre commande { $number } a été passée.
notice-view-order = Voir la commande
notice-dismiss = Fermer
crash-message = Une erreur s’est produite — rechargez la page. Votre panier et vos commandes passées sont conservés.
crash-reload = Recharger

## Recommendations
recs-bought-together = Souvent achetés ensemble
recs-similar = Vous aimerez aussi
recs-complete = Complétez votre commande
recs-this-item = Cet article : { $title }
recs-total = Prix total :
recs-add-all = { $count ->
    [one] L’ajouter au panier
   *[other] Ajouter les { $count } au panier
}
recs-add = Ajouter
recs-add-named = Ajouter { $title }

## Consent banner and privacy settings
consent-title = Votre vie privée
consent-text = Nous conservons ce dont la boutique a besoin pour fonctionner (votre panier, votre commande en cours et ce choix). Avec votre accord, nous mesurons aussi les visites et les ventes, et personnalisons les publicités.
consent-accept-all = Tout accepter
consent-reject-all = Tout refuser
consent-manage = Personnaliser
consent-necessary = Nécessaires
consent-necessary-text = Panier, commande et ce choix. Toujours actifs.
consent-analytics = Mesure d’audience
consent-analytics-text = Les pages et produits consultés et achetés.
consent-marketing = Marketing
consent-marketing-text = Publicité et offres personnalisées.
consent-save = Enregistrer mes choix
privacy-settings = Paramètres de confidentialité
consent-functional = Préférences
consent-functional-text = Les produits consultés, mémorisés pour vous les présenter à nouveau.

## Recently viewed products
recent-title = Vus récemment

## Accounts
account-title = Mon compte
account-nav-label = Votre compte
account-sign-in = Se connecter
account-register = Créer un compte
account-sign-out = Se déconnecter
account-email = Adresse e-mail
account-password = Mot de passe
account-password-rule = Utilisez entre { $min } et { $max } caractères.
account-first-name = Prénom
account-last-name = Nom
account-phone = Téléphone
account-no-account = Nouveau client ?
account-have-account = Vous avez déjà un compte ?
account-forgot = Mot de passe oublié ?
account-wrong-credentials = Adresse e-mail ou mot de passe incorrect.
account-email-taken = Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou réinitialisez son mot de passe.
account-not-verified = Votre compte n’est pas encore vérifié : cliquez sur le lien de l’e-mail que nous vous avons envoyé.
account-too-many = Trop de tentatives. Réessayez dans { $minutes ->
    [one] une minute
   *[other] { $minutes } minutes
}.
account-too-many-later = Trop de tentatives. Réessayez plus tard.
account-signed-out = Votre session est terminée. Reconnectez-vous pour continuer.
account-unavailable = Les comptes client ne sont pas disponibles dans cette boutique pour le moment.
account-check-fields = Certains champs sont à vérifier.
account-signed-in-as = Connecté en tant que { $name }
account-profile = Mes informations
account-profile-save = Enregistrer mes informations
account-profile-saved = Vos informations ont été enregistrées.
account-orders = Mes commandes
account-orders-empty = Vous n’avez encore passé aucune commande.
account-orders-more = Afficher plus de commandes
account-order-view = Commande { $number }
account-order-date = Passée le { $date }
account-order-items = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
account-order-status-placed = En cours
account-order-status-fulfilled = Expédiée
account-order-status-cancelled = Annulée
account-addresses = Mes adresses
account-addresses-empty = Vous n’avez pas encore d’adresse enregistrée.
account-address-add = Ajouter une adresse
account-address-edit = Modifier
account-address-edit-title = Modifier l’adresse
account-address-edit-label = Modifier { $address }
account-address-remove = Supprimer
account-address-remove-label = Supprimer { $address }
account-address-save = Enregistrer l’adresse
account-address-cancel = Annuler
account-address-country = Pays/région
account-address-default-shipping = Adresse de livraison par défaut
account-address-default-billing = Adresse de facturation par défaut
account-address-saved = L’adresse a été enregistrée.
account-address-removed = L’adresse a été supprimée.
account-save-address = Enregistrer cette adresse dans mon carnet d’adresses
account-view-order = Voir cette commande dans votre compte
account-reset-title = Réinitialiser votre mot de passe
account-reset-request = Envoyer un lien de réinitialisation
account-reset-sent = Si un compte est associé à { $email }, un lien de réinitialisation du mot de passe vient d’être envoyé à cette adresse.
account-reset-new = Nouveau mot de passe
account-reset-submit = Enregistrer le nouveau mot de passe
account-reset-done = Votre mot de passe a été modifié. Connectez-vous avec le nouveau.
account-reset-invalid = Ce lien de réinitialisation n’est plus valide. Demandez-en un nouveau.
account-reset-unsupported = Cette boutique ne permet pas de réinitialiser le mot de passe ici. Veuillez contacter la boutique.
account-outbox-title = Boîte d’envoi de développement
account-outbox-intro = La boutique intégrée n’envoie aucun e-mail : les messages qu’elle aurait envoyés sont listés ici.
account-outbox-empty = Aucun message pour l’instant.
account-outbox-open = Ouvrir le lien de réinitialisation du mot de passe
