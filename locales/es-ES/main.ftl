# Dhow storefront — Spanish (Spain).
# Every locale has exactly the message ids of en-US (a test checks it).

## Page frame
skip-to-content = Saltar al contenido
footer-nav = Información de la tienda
market-links-label = Comprar desde otro país o región

## Home
home-featured = Productos destacados
home-collections = Compra por colección

## Market selector
market-country = País/región
market-language = Idioma

## Prices and market terms
# $amount (String) - a formatted price converted from another currency
price-approx = ≈ { $amount }
price-was = Antes
terms-tax-included = Impuestos incluidos
terms-tax-excluded = Impuestos no incluidos
terms-duties-paid = Los aranceles e impuestos de importación se pagan al finalizar la compra
terms-duties-due = Es posible que se cobren aranceles de importación en la entrega

## Products
product-sold-out = Agotado
variant-sold-out = agotado
variant-unavailable = No disponible
quantity = Cantidad
add-to-cart = Añadir a la cesta
# $count (Number) - units left in stock
stock-low = { $count ->
    [one] Solo queda una unidad
   *[other] Solo quedan { $count } unidades
}
# $index (Number), $count (Number)
gallery-show-image = Ver imagen { $index } de { $count }

## Search and collections
search-label = Buscar productos
search-placeholder = Buscar
search-submit = Buscar
search-all = Todos los productos
# $query (String) - what the shopper searched for
search-results-for = Resultados de «{ $query }»
# $count (Number)
search-count = { $count ->
    [0] Ningún producto
    [one] Un producto
   *[other] { $count } productos
}
search-empty = Ningún producto coincide con estos filtros. Prueba a quitar alguno.
sort-label = Ordenar por
sort-featured = Destacados
sort-price_asc = Precio: de menor a mayor
sort-price_desc = Precio: de mayor a menor
sort-title_asc = Nombre: de la A a la Z
sort-newest = Novedades
filter-title = Filtros
filter-collection = Colección
filter-price = Precio
# $min (String), $max (String) - formatted prices
filter-price-range = De { $min } a { $max }
filter-price-min = Mín.
filter-price-max = Máx.
filter-apply = Aplicar
filter-in-stock = Solo artículos disponibles
filter-clear = Borrar filtros
pagination-label = Páginas
pagination-previous = Anterior
pagination-next = Siguiente
# $page (Number), $pages (Number)
pagination-status = Página { $page } de { $pages }

## Cart
cart-button = Cesta
# $count (Number) - items in the cart
cart-count = { $count ->
    [0] Tu cesta está vacía
    [one] Un artículo en tu cesta
   *[other] { $count } artículos en tu cesta
}
cart-title = Tu cesta
cart-close = Cerrar la cesta
cart-empty = Tu cesta está vacía.
cart-continue = Seguir comprando
cart-checkout = Tramitar pedido
cart-view = Ver la cesta
cart-remove = Eliminar
# $title (String) - product title
cart-remove-item = Eliminar { $title }
cart-decrease = Reducir la cantidad
cart-increase = Aumentar la cantidad
# $title (String)
cart-quantity-of = Cantidad de { $title }
# $price (String) - formatted unit price
cart-unit-price = { $price }/unidad
# $count (Number)
cart-line-quantity = Cantidad: { $count }

## Discount codes
promo-label = Código de descuento
promo-apply = Aplicar
promo-empty = Introduce primero un código.
promo-free-shipping = Envío gratuito
# $code (String)
promo-remove-code = Quitar el código { $code }
promo-unknown = «{ $code }» no es un código válido.
promo-expired = El código «{ $code }» ha caducado.
promo-used-up = El código «{ $code }» ya se ha usado el número máximo de veces.
promo-minimum = El código «{ $code }» requiere un importe de pedido mayor.
promo-not-in-market = El código «{ $code }» no se puede usar en este país o región.
promo-already-applied = El código «{ $code }» ya está aplicado.
promo-not-combinable = El código «{ $code }» no se puede combinar con el código que ya has aplicado.

## Totals
totals-subtotal = Subtotal
totals-discount = Descuento
totals-shipping = Envío
totals-shipping-pending = Se calcula al finalizar la compra
totals-tax = Impuestos
# $amount (String)
totals-tax-included = Incluye { $amount } de impuestos
totals-duties = Aranceles e impuestos de importación
# $amount (String)
totals-duties-due = Es posible que se cobren aranceles de importación de unos { $amount } en la entrega
totals-total = Total
totals-estimate = Estimación

## Checkout
checkout-title = Finalizar compra
checkout-close = Cerrar el pago
checkout-details = Contacto y entrega
checkout-email = Correo electrónico
# $country (String) - country name
checkout-shipping-to = Envío a { $country }. Para enviar a otro destino, cambia el país o la región en la parte superior de la página.
checkout-bill-to-shipping = Usar la dirección de envío para la facturación
checkout-billing-address = Dirección de facturación
checkout-billing-country = País/región de la dirección de facturación
checkout-continue-shipping = Continuar con el envío
checkout-shipping = Método de envío
checkout-continue-payment = Continuar con el pago
checkout-payment = Pago
checkout-edit = Modificar
# $total (String)
checkout-pay-total = Total a pagar: { $total }
checkout-place-order = Realizar pedido
checkout-out-of-stock = Parte de tu pedido se acaba de agotar. Revisa tu cesta.
shipping-free = Gratis
# $min (Number), $max (Number) - business days
shipping-days = { $min }–{ $max } días laborables
summary-title = Resumen del pedido
payment-test-hint = Solo pagos de prueba: usa la tarjeta 4242 4242 4242 4242 con cualquier fecha de caducidad futura.
payment-card-number = Número de tarjeta
payment-card-expiry = Fecha de caducidad (MM/AA)
payment-card-cvc = Código de seguridad
payment-declined = Se ha rechazado tu tarjeta. No se ha realizado ningún cargo; prueba con otra tarjeta.

## Address form
address-first_name = Nombre
address-last_name = Apellidos
address-company = Empresa
address-line1 = Dirección
address-line2 = Piso, puerta, etc.
address-phone = Teléfono
address-city-city = Ciudad
address-city-post_town = Localidad
address-city-suburb = Barrio
address-city-district = Distrito
address-region-state = Estado
address-region-province = Provincia
address-region-prefecture = Prefectura
address-region-county = Condado
address-region-emirate = Emirato
address-region-region = Región
address-region-department = Departamento
address-region-area = Zona
address-region-do_si = Provincia/ciudad
address-region-governorate = Gobernación
address-postal-postal_code = Código postal
address-postal-zip_code = Código postal (ZIP)
address-postal-postcode = Código postal
address-postal-pin = Código postal (PIN)
address-postal-eircode = Eircode
address-choose = Selecciona…
# $example (String) - a valid postal code
address-example = Por ejemplo: { $example }
field-optional = (opcional)
field-required = Este campo es obligatorio.
field-invalid = Parece que este dato no es correcto.
# $max (Number)
field-too-long = Usa { $max } caracteres como máximo.
# $example (String)
field-postal-code = Introduce un código postal válido; por ejemplo, { $example }.
field-unknown-region = Elige una opción de la lista.
field-country-not-served = Desde esta tienda no realizamos envíos a este país.

## Orders
order-thanks = ¡Gracias por tu pedido!
# $number (String)
order-title = Pedido { $number }
order-number-label = Número de pedido:
# $email (String)
order-email-sent = Te estamos enviando una confirmación a { $email }.
order-ship-to = Dirección de envío
order-lookup-title = Buscar un pedido
order-lookup-number = Número de pedido
order-lookup-submit = Buscar pedido
order-lookup-missing = Introduce tu número de pedido y tu correo electrónico.
order-lookup-not-found = No hemos encontrado ningún pedido con este número y este correo electrónico.

## Errors
error-unreachable = No podemos conectar con la tienda en este momento. Comprueba tu conexión y vuelve a intentarlo.
error-not-found = No hemos encontrado lo que buscabas.
error-generic = Algo ha fallado por nuestra parte. Vuelve a intentarlo.
# $count (Number) - how many can still be bought
error-out-of-stock = { $count ->
    [0] Lo sentimos, este artículo se acaba de agotar.
    [one] Lo sentimos, solo queda una unidad.
   *[other] Lo sentimos, solo quedan { $count } unidades.
}
error-conflict = Tu cesta ha cambiado en otra ventana. La hemos vuelto a cargar: revísala e inténtalo de nuevo.
error-retry = Volver a intentarlo

## Not found
not-found-title = Página no encontrada
not-found-body = La página que buscas no existe o se ha movido.
not-found-home = Volver a la tienda

## Notices about the cart, and the screen shown if the app fails
notice-cart-not-kept = Este navegador no guarda los datos de esta tienda: tu cesta solo dura mientras esta página esté abierta.
notice-cart-set-aside = No se pudo recuperar tu cesta guardada, así que se ha creado una nueva.
notice-order-placed = Tu pedido { $number } se ha realizado.
notice-view-order = Ver pedido
notice-dismiss = Cerrar
crash-message = Algo ha salido mal: recarga la página. Tu cesta y los pedidos que hayas realizado se conservan.
crash-reload = Recargar

## Recommendations
recs-bought-together = Se compran juntos con frecuencia
recs-similar = También te puede gustar
recs-complete = Completa tu pedido
recs-this-item = Este artículo: { $title }
recs-total = Precio total:
recs-add-all = { $count ->
    [one] Añadirlo a la cesta
   *[other] Añadir los { $count } a la cesta
}
recs-add = Añadir
recs-add-named = Añadir { $title }

## Consent banner and privacy settings
consent-title = Privacidad
consent-text = Guardamos lo que la tienda necesita para funcionar (la cesta, la tramitación del pedido y esta elección). Previa autorización, también medimos las visitas y las ventas, y personalizamos los anuncios.
consent-accept-all = Aceptar todo
consent-reject-all = Rechazar todo
consent-manage = Configurar
consent-necessary = Necesarias
consent-necessary-text = La cesta, la tramitación del pedido y esta elección. Siempre activas.
consent-analytics = Analíticas
consent-analytics-text = Qué páginas y productos se ven y se compran.
consent-marketing = Marketing
consent-marketing-text = Publicidad y ofertas personalizadas.
consent-save = Guardar preferencias
privacy-settings = Configuración de privacidad
consent-functional = Funcionales
consent-functional-text = Recordar los productos que has visto para volver a mostrártelos.

## Recently viewed products
recent-title = Vistos recientemente

## Accounts
account-title = Mi cuenta
account-nav-label = Tu cuenta
account-sign-in = Iniciar sesión
account-register = Crear cuenta
account-sign-out = Cerrar sesión
account-email = Correo electrónico
account-password = Contraseña
account-password-rule = Usa entre { $min } y { $max } caracteres.
account-first-name = Nombre
account-last-name = Apellidos
account-phone = Teléfono
account-no-account = ¿Aún no tienes cuenta?
account-have-account = ¿Ya tienes una cuenta?
account-forgot = ¿Has olvidado tu contraseña?
account-wrong-credentials = El correo electrónico o la contraseña no son correctos.
account-email-taken = Ya existe una cuenta con este correo electrónico. Inicia sesión o restablece la contraseña.
account-not-verified = Tu cuenta aún no está verificada: abre el enlace del correo electrónico que te hemos enviado.
account-too-many = Demasiados intentos. Vuelve a intentarlo dentro de { $minutes ->
    [one] un minuto
   *[other] { $minutes } minutos
}.
account-too-many-later = Demasiados intentos. Vuelve a intentarlo más tarde.
account-signed-out = Se ha cerrado tu sesión. Vuelve a iniciar sesión para continuar.
account-unavailable = Las cuentas de cliente no están disponibles en esta tienda en este momento.
account-check-fields = Hay algunos campos que debes revisar.
account-signed-in-as = Sesión iniciada como { $name }
account-profile = Mis datos
account-profile-save = Guardar datos
account-profile-saved = Se han guardado tus datos.
account-orders = Mis pedidos
account-orders-empty = Todavía no has hecho ningún pedido.
account-orders-more = Ver más pedidos
account-order-view = Pedido { $number }
account-order-date = Realizado el { $date }
account-order-items = { $count ->
    [one] 1 artículo
   *[other] { $count } artículos
}
account-order-status-placed = En curso
account-order-status-fulfilled = Enviado
account-order-status-cancelled = Cancelado
account-addresses = Mis direcciones
account-addresses-empty = Todavía no tienes direcciones guardadas.
account-address-add = Añadir una dirección
account-address-edit = Editar
account-address-edit-title = Editar la dirección
account-address-edit-label = Editar { $address }
account-address-remove = Eliminar
account-address-remove-label = Eliminar { $address }
account-address-save = Guardar dirección
account-address-cancel = Cancelar
account-address-country = País/región
account-address-default-shipping = Dirección de envío predeterminada
account-address-default-billing = Dirección de facturación predeterminada
account-address-saved = Se ha guardado la dirección.
account-address-removed = Se ha eliminado la dirección.
account-save-address = Guardar esta dirección en mi libreta de direcciones
account-view-order = Ver este pedido en tu cuenta
account-reset-title = Restablecer la contraseña
account-reset-request = Enviar enlace de restablecimiento
account-reset-sent = Si { $email } tiene una cuenta, te estamos enviando un enlace para restablecer la contraseña.
account-reset-new = Nueva contraseña
account-reset-submit = Guardar la nueva contraseña
account-reset-done = Se ha cambiado tu contraseña. Inicia sesión con la nueva.
account-reset-invalid = Este enlace de restablecimiento ya no es válido. Solicita uno nuevo.
account-reset-unsupported = Esta tienda no permite restablecer la contraseña aquí. Ponte en contacto con la tienda.
account-outbox-title = Bandeja de salida de desarrollo
account-outbox-intro = La tienda integrada no envía correos electrónicos: aquí se muestran los mensajes que habría enviado.
account-outbox-empty = Aún no hay mensajes.
account-outbox-open = Abrir el enlace para restablecer la contraseña
