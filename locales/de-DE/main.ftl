# Dhow storefront — German (Germany).
# Every locale has exactly the message ids of en-US (a test checks it).

## Page frame
skip-to-content = Zum Inhalt springen
footer-nav = Shop-Informationen
market-links-label = In einem anderen Land oder einer anderen Region einkaufen

## Home
home-featured = Ausgewählte Produkte
home-collections = Kollektionen entdecken

## Market selector
market-country = Land/Region
market-language = Sprache

## Prices and market terms
# $amount (String) - a formatted price converted from another currency
price-approx = ≈ { $amount }
price-was = Statt
terms-tax-included = inkl. MwSt.
terms-tax-excluded = zzgl. MwSt.
terms-duties-paid = Zölle und Einfuhrabgaben werden an der Kasse bezahlt
terms-duties-due = Bei der Zustellung können Einfuhrabgaben anfallen

## Products
product-sold-out = Ausverkauft
variant-sold-out = ausverkauft
variant-unavailable = Nicht verfügbar
quantity = Menge
add-to-cart = In den Warenkorb
# $count (Number) - units left in stock
stock-low = { $count ->
    [one] Nur noch ein Stück auf Lager
   *[other] Nur noch { $count } Stück auf Lager
}
# $index (Number), $count (Number)
gallery-show-image = Bild { $index } von { $count } anzeigen

## Search and collections
search-label = Produkte durchsuchen
search-placeholder = Suchen
search-submit = Suchen
search-all = Alle Produkte
# $query (String) - what the shopper searched for
search-results-for = Ergebnisse für „{ $query }“
# $count (Number)
search-count = { $count ->
    [0] Keine Produkte
    [one] Ein Produkt
   *[other] { $count } Produkte
}
search-empty = Keine Treffer für diese Filter. Versuchen Sie, einige Filter zu entfernen.
sort-label = Sortieren nach
sort-featured = Empfohlen
sort-price_asc = Preis: aufsteigend
sort-price_desc = Preis: absteigend
sort-title_asc = Name: A–Z
sort-newest = Neueste zuerst
filter-title = Filter
filter-collection = Kollektion
filter-price = Preis
# $min (String), $max (String) - formatted prices
filter-price-range = Von { $min } bis { $max }
filter-price-min = Min.
filter-price-max = Max.
filter-apply = Anwenden
filter-in-stock = Nur verfügbare Artikel
filter-clear = Filter zurücksetzen
pagination-label = Seiten
pagination-previous = Zurück
pagination-next = Weiter
# $page (Number), $pages (Number)
pagination-status = Seite { $page } von { $pages }

## Cart
cart-button = Warenkorb
# $count (Number) - items in the cart
cart-count = { $count ->
    [0] Ihr Warenkorb ist leer
    [one] Ein Artikel im Warenkorb
   *[other] { $count } Artikel im Warenkorb
}
cart-title = Ihr Warenkorb
cart-close = Warenkorb schließen
cart-empty = Ihr Warenkorb ist leer.
cart-continue = Weiter einkaufen
cart-checkout = Zur Kasse
cart-view = Warenkorb anzeigen
cart-remove = Entfernen
# $title (String) - product title
cart-remove-item = { $title } entfernen
cart-decrease = Menge verringern
cart-increase = Menge erhöhen
# $title (String)
cart-quantity-of = Menge für { $title }
# $price (String) - formatted unit price
cart-unit-price = { $price } pro Stück
# $count (Number)
cart-line-quantity = Menge: { $count }

## Discount codes
promo-label = Rabattcode
promo-apply = Einlösen
promo-empty = Bitte geben Sie zuerst einen Code ein.
promo-free-shipping = Kostenloser Versand
# $code (String)
promo-remove-code = Code { $code } entfernen
promo-unknown = „{ $code }“ ist kein gültiger Code.
promo-expired = „{ $code }“ ist abgelaufen.
promo-used-up = „{ $code }“ wurde bereits so oft eingelöst wie möglich.
promo-minimum = „{ $code }“ gilt erst ab einem höheren Bestellwert.
promo-not-in-market = „{ $code }“ kann in diesem Land bzw. dieser Region nicht eingelöst werden.
promo-already-applied = „{ $code }“ ist bereits eingelöst.
promo-not-combinable = „{ $code }“ kann nicht mit dem bereits eingelösten Code kombiniert werden.

## Totals
totals-subtotal = Zwischensumme
totals-discount = Rabatt
totals-shipping = Versand
totals-shipping-pending = Wird an der Kasse berechnet
totals-tax = Steuern
# $amount (String)
totals-tax-included = Inkl. { $amount } Steuern
totals-duties = Zölle und Einfuhrabgaben
# $amount (String)
totals-duties-due = Bei der Zustellung können Einfuhrabgaben von ca. { $amount } anfallen
totals-total = Gesamtsumme
totals-estimate = Schätzung

## Checkout
checkout-title = Kasse
checkout-close = Kasse schließen
checkout-details = Kontakt und Lieferung
checkout-email = E-Mail-Adresse
# $country (String) - country name
checkout-shipping-to = Lieferland: { $country }. Für eine Lieferung in ein anderes Land ändern Sie oben auf der Seite das Land bzw. die Region.
checkout-bill-to-shipping = Rechnungsadresse wie Lieferadresse
checkout-billing-address = Rechnungsadresse
checkout-billing-country = Land/Region der Rechnungsadresse
checkout-continue-shipping = Weiter zum Versand
checkout-shipping = Versandart
checkout-continue-payment = Weiter zur Zahlung
checkout-payment = Zahlung
checkout-edit = Ändern
# $total (String)
checkout-pay-total = Zu zahlen: { $total }
checkout-place-order = Zahlungspflichtig bestellen
checkout-out-of-stock = Ein Teil Ihrer Bestellung ist gerade ausverkauft. Bitte überprüfen Sie Ihren Warenkorb.
shipping-free = Kostenlos
# $min (Number), $max (Number) - business days
shipping-days = { $min }–{ $max } Werktage
summary-title = Bestellübersicht
payment-test-hint = Nur Testzahlungen: Verwenden Sie die Karte 4242 4242 4242 4242 mit einem beliebigen Ablaufdatum in der Zukunft.
payment-card-number = Kartennummer
payment-card-expiry = Ablaufdatum (MM/JJ)
payment-card-cvc = Sicherheitscode
payment-declined = Ihre Karte wurde abgelehnt. Es wurde nichts abgebucht; bitte verwenden Sie eine andere Karte.

## Address form
address-first_name = Vorname
address-last_name = Nachname
address-company = Firma
address-line1 = Adresse
address-line2 = Adresszusatz
address-phone = Telefon
address-city-city = Stadt
address-city-post_town = Ort
address-city-suburb = Stadtteil
address-city-district = Bezirk
address-region-state = Bundesstaat
address-region-province = Provinz
address-region-prefecture = Präfektur
address-region-county = Grafschaft
address-region-emirate = Emirat
address-region-region = Region
address-region-department = Departamento
address-region-area = Gebiet
address-region-do_si = Provinz/Stadt
address-region-governorate = Gouvernement
address-postal-postal_code = Postleitzahl
address-postal-zip_code = ZIP-Code
address-postal-postcode = Postleitzahl
address-postal-pin = Postleitzahl (PIN)
address-postal-eircode = Eircode
address-choose = Bitte wählen…
# $example (String) - a valid postal code
address-example = Beispiel: { $example }
field-optional = (optional)
field-required = Dieses Feld ist erforderlich.
field-invalid = Bitte überprüfen Sie diese Angabe.
# $max (Number)
field-too-long = Bitte verwenden Sie höchstens { $max } Zeichen.
# $example (String)
field-postal-code = Bitte geben Sie eine gültige Postleitzahl ein, zum Beispiel { $example }.
field-unknown-region = Bitte wählen Sie einen Eintrag aus der Liste.
field-country-not-served = Aus diesem Shop liefern wir nicht in dieses Land.

## Orders
order-thanks = Vielen Dank für Ihre Bestellung!
# $number (String)
order-title = Bestellung { $number }
order-number-label = Bestellnummer:
# $email (String)
order-email-sent = Wir haben Ihnen eine Bestätigung an { $email } gesendet.
order-ship-to = Lieferadresse
order-lookup-title = Bestellung suchen
order-lookup-number = Bestellnummer
order-lookup-submit = Bestellung suchen
order-lookup-missing = Bitte geben Sie Ihre Bestellnummer und E-Mail-Adresse ein.
order-lookup-not-found = Wir konnten keine Bestellung mit dieser Bestellnummer und E-Mail-Adresse finden.

## Errors
error-unreachable = Der Shop ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.
error-not-found = Wir konnten nicht finden, wonach Sie gesucht haben.
error-generic = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.
# $count (Number) - how many can still be bought
error-out-of-stock = { $count ->
    [0] Leider ist dieser Artikel gerade ausverkauft.
    [one] Leider ist nur noch ein Stück auf Lager.
   *[other] Leider sind nur noch { $count } Stück auf Lager.
}
error-conflict = Ihr Warenkorb wurde in einem anderen Fenster geändert. Wir haben ihn neu geladen – bitte prüfen Sie ihn und versuchen Sie es erneut.
error-retry = Erneut versuchen

## Not found
not-found-title = Seite nicht gefunden
not-found-body = Die gesuchte Seite existiert nicht oder wurde verschoben.
not-found-home = Zurück zum Shop

## Notices about the cart, and the screen shown if the app fails
notice-cart-not-kept = Dieser Browser speichert keine Daten dieses Shops: Ihr Warenkorb bleibt nur erhalten, solange diese Seite geöffnet ist.
notice-cart-set-aside = Ihr gespeicherter Warenkorb konnte nicht wiederhergestellt werden, daher wurde ein neuer angelegt.
notice-order-placed = Ihre Bestellung { $number } wurde aufgegeben.
notice-view-order = Bestellung ansehen
notice-dismiss = Schließen
crash-message = Etwas ist schiefgelaufen – bitte laden Sie die Seite neu. Ihr Warenkorb und aufgegebene Bestellungen bleiben erhalten.
crash-reload = Neu laden

## Recommendations
recs-bought-together = Wird oft zusammen gekauft
recs-similar = Das könnte Ihnen auch gefallen
recs-complete = Vervollständigen Sie Ihre Bestellung
recs-this-item = Dieser Artikel: { $title }
recs-total = Gesamtpreis:
recs-add-all = { $count ->
    [one] Zum Warenkorb hinzufügen
   *[other] Alle { $count } zum Warenkorb hinzufügen
}
recs-add = Hinzufügen
recs-add-named = { $title } hinzufügen

## Consent banner and privacy settings
consent-title = Ihre Privatsphäre
consent-text = Wir speichern, was der Shop zum Funktionieren braucht (Ihren Warenkorb, den Bestellvorgang an der Kasse und diese Auswahl). Mit Ihrer Einwilligung erfassen wir außerdem Besuche und Verkäufe und personalisieren Werbung.
consent-accept-all = Alle akzeptieren
consent-reject-all = Alle ablehnen
consent-manage = Einstellungen
consent-necessary = Notwendig
consent-necessary-text = Warenkorb, Kasse und diese Auswahl. Immer aktiv.
consent-analytics = Analyse
consent-analytics-text = Welche Seiten und Produkte angesehen und gekauft werden.
consent-marketing = Marketing
consent-marketing-text = Werbung und personalisierte Angebote.
consent-save = Auswahl speichern
privacy-settings = Datenschutzeinstellungen
consent-functional = Präferenzen
consent-functional-text = Speichert die Produkte, die Sie angesehen haben, um sie Ihnen erneut anzuzeigen.

## Recently viewed products
recent-title = Zuletzt angesehen

## Accounts
account-title = Mein Konto
account-nav-label = Ihr Kundenkonto
account-sign-in = Anmelden
account-register = Konto erstellen
account-sign-out = Abmelden
account-email = E-Mail-Adresse
account-password = Passwort
account-password-rule = Verwenden Sie { $min } bis { $max } Zeichen.
account-first-name = Vorname
account-last-name = Nachname
account-phone = Telefon
account-no-account = Neu hier?
account-have-account = Sie haben bereits ein Konto?
account-forgot = Passwort vergessen?
account-wrong-credentials = E-Mail-Adresse oder Passwort ist falsch.
account-email-taken = Mit dieser E-Mail-Adresse besteht bereits ein Konto. Melden Sie sich an oder setzen Sie das Passwort zurück.
account-not-verified = Ihr Konto ist noch nicht bestätigt. Bitte klicken Sie auf den Link in der E-Mail, die wir Ihnen gesendet haben.
account-too-many = Zu viele Versuche. Bitte versuchen Sie es in { $minutes ->
    [one] einer Minute
   *[other] { $minutes } Minuten
} erneut.
account-too-many-later = Zu viele Versuche. Bitte versuchen Sie es später erneut.
account-signed-out = Sie wurden abgemeldet. Bitte melden Sie sich erneut an, um fortzufahren.
account-unavailable = Kundenkonten sind in diesem Shop derzeit nicht verfügbar.
account-check-fields = Einige Angaben müssen noch überprüft werden.
account-signed-in-as = Angemeldet als { $name }
account-profile = Persönliche Daten
account-profile-save = Daten speichern
account-profile-saved = Ihre Daten wurden gespeichert.
account-orders = Meine Bestellungen
account-orders-empty = Sie haben noch keine Bestellungen aufgegeben.
account-orders-more = Weitere Bestellungen anzeigen
account-order-view = Bestellung { $number }
account-order-date = Bestellt am { $date }
account-order-items = { $count ->
    [one] 1 Artikel
   *[other] { $count } Artikel
}
account-order-status-placed = In Bearbeitung
account-order-status-fulfilled = Versandt
account-order-status-cancelled = Storniert
account-addresses = Meine Adressen
account-addresses-empty = Sie haben noch keine Adressen gespeichert.
account-address-add = Adresse hinzufügen
account-address-edit = Bearbeiten
account-address-edit-title = Adresse bearbeiten
account-address-edit-label = { $address } bearbeiten
account-address-remove = Entfernen
account-address-remove-label = { $address } entfernen
account-address-save = Adresse speichern
account-address-cancel = Abbrechen
account-address-country = Land/Region
account-address-default-shipping = Standard-Lieferadresse
account-address-default-billing = Standard-Rechnungsadresse
account-address-saved = Die Adresse wurde gespeichert.
account-address-removed = Die Adresse wurde entfernt.
account-save-address = Diese Adresse in meinem Adressbuch speichern
account-view-order = Diese Bestellung in Ihrem Kundenkonto ansehen
account-reset-title = Passwort zurücksetzen
account-reset-request = Link zum Zurücksetzen senden
account-reset-sent = Falls zu { $email } ein Konto besteht, ist ein Link zum Zurücksetzen des Passworts unterwegs.
account-reset-new = Neues Passwort
account-reset-submit = Neues Passwort speichern
account-reset-done = Ihr Passwort wurde geändert. Melden Sie sich mit dem neuen Passwort an.
account-reset-invalid = Dieser Link zum Zurücksetzen ist nicht mehr gültig. Bitte fordern Sie einen neuen an.
account-reset-unsupported = In diesem Shop kann das Passwort hier nicht zurückgesetzt werden. Bitte wenden Sie sich an den Shop.
account-outbox-title = Postausgang (Entwicklung)
account-outbox-intro = Der integrierte Shop versendet keine E-Mails: Die Nachrichten, die er gesendet hätte, werden hier aufgelistet.
account-outbox-empty = Noch keine Nachrichten.
account-outbox-open = Link zum Zurücksetzen des Passworts öffnen
