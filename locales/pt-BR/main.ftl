# Dhow storefront — Portuguese (Brazil).
# Every locale has exactly the message ids of en-US (a test checks it).

## Page frame
skip-to-content = Pular para o conteúdo
footer-nav = Informações da loja
market-links-label = Comprar em outro país ou região

## Home
home-featured = Produtos em destaque
home-collections = Compre por coleção

## Market selector
market-country = País/região
market-language = Idioma

## Prices and market terms
# $amount (String) - a formatted price converted from another currency
price-approx = ≈ { $amount }
price-was = De
terms-tax-included = Impostos inclusos
terms-tax-excluded = Impostos não inclusos
terms-duties-paid = Impostos e taxas de importação pagos na finalização da compra
terms-duties-due = Taxas de importação podem ser cobradas na entrega

## Products
product-sold-out = Esgotado
variant-sold-out = esgotado
variant-unavailable = Indisponível
quantity = Quantidade
add-to-cart = Adicionar ao carrinho
# $count (Number) - units left in stock
stock-low = { $count ->
    [0] Esgotado
    [one] Resta apenas 1 unidade
   *[other] Restam apenas { $count } unidades
}
# $index (Number), $count (Number)
gallery-show-image = Ver imagem { $index } de { $count }

## Search and collections
search-label = Buscar produtos
search-placeholder = Buscar
search-submit = Buscar
search-all = Todos os produtos
# $query (String) - what the shopper searched for
search-results-for = Resultados para “{ $query }”
# $count (Number)
search-count = { $count ->
    [0] Nenhum produto
    [one] 1 produto
   *[other] { $count } produtos
}
search-empty = Nenhum produto corresponde a esses filtros. Tente remover alguns.
sort-label = Ordenar por
sort-featured = Destaques
sort-price_asc = Preço: do menor para o maior
sort-price_desc = Preço: do maior para o menor
sort-title_asc = Nome: de A a Z
sort-newest = Mais recentes
filter-title = Filtros
filter-collection = Coleção
filter-price = Preço
# $min (String), $max (String) - formatted prices
filter-price-range = De { $min } a { $max }
filter-price-min = Mín.
filter-price-max = Máx.
filter-apply = Aplicar
filter-in-stock = Apenas em estoque
filter-clear = Limpar filtros
pagination-label = Páginas
pagination-previous = Anterior
pagination-next = Próxima
# $page (Number), $pages (Number)
pagination-status = Página { $page } de { $pages }

## Cart
cart-button = Carrinho
# $count (Number) - items in the cart
cart-count = { $count ->
    [0] Seu carrinho está vazio
    [one] 1 item no seu carrinho
   *[other] { $count } itens no seu carrinho
}
cart-title = Seu carrinho
cart-close = Fechar carrinho
cart-empty = Seu carrinho está vazio.
cart-continue = Continuar comprando
cart-checkout = Finalizar compra
cart-view = Ver carrinho
cart-remove = Remover
# $title (String) - product title
cart-remove-item = Remover { $title }
cart-decrease = Diminuir quantidade
cart-increase = Aumentar quantidade
# $title (String)
cart-quantity-of = Quantidade de { $title }
# $price (String) - formatted unit price
cart-unit-price = { $price } cada
# $count (Number)
cart-line-quantity = Quantidade: { $count }

## Discount codes
promo-label = Cupom de desconto
promo-apply = Aplicar
promo-empty = Digite um cupom primeiro.
promo-free-shipping = Frete grátis
# $code (String)
promo-remove-code = Remover cupom { $code }
promo-unknown = “{ $code }” não é um cupom válido.
promo-expired = O cupom “{ $code }” expirou.
promo-used-up = O cupom “{ $code }” já atingiu o limite de usos.
promo-minimum = O cupom “{ $code }” exige um valor mínimo de compra maior.
promo-not-in-market = O cupom “{ $code }” não pode ser usado neste país/região.
promo-already-applied = O cupom “{ $code }” já foi aplicado.
promo-not-combinable = O cupom “{ $code }” não é cumulativo com o cupom já aplicado.

## Totals
totals-subtotal = Subtotal
totals-discount = Desconto
totals-shipping = Frete
totals-shipping-pending = Calculado na finalização da compra
totals-tax = Impostos
# $amount (String)
totals-tax-included = Inclui { $amount } de impostos
totals-duties = Impostos e taxas de importação
# $amount (String)
totals-duties-due = Taxas de importação de aproximadamente { $amount } podem ser cobradas na entrega
totals-total = Total
totals-estimate = Estimativa

## Checkout
checkout-title = Finalizar compra
checkout-close = Fechar o checkout
checkout-details = Contato e entrega
checkout-email = E-mail
# $country (String) - country name
checkout-shipping-to = País de entrega: { $country }. Para enviar para outro lugar, altere o país/região no topo da página.
checkout-bill-to-shipping = Usar o endereço de entrega para a cobrança
checkout-billing-address = Endereço de cobrança
checkout-billing-country = País/região do endereço de cobrança
checkout-continue-shipping = Continuar para a entrega
checkout-shipping = Forma de entrega
checkout-continue-payment = Continuar para o pagamento
checkout-payment = Pagamento
checkout-edit = Alterar
# $total (String)
checkout-pay-total = Total a pagar: { $total }
checkout-place-order = Confirmar pedido
checkout-out-of-stock = Parte do seu pedido acabou de esgotar. Revise seu carrinho.
shipping-free = Grátis
# $min (Number), $max (Number) - business days
shipping-days = { $min } a { $max } dias úteis
summary-title = Resumo do pedido
payment-test-hint = Apenas pagamentos de teste: use o cartão 4242 4242 4242 4242 com qualquer data de validade futura.
payment-card-number = Número do cartão
payment-card-expiry = Validade (MM/AA)
payment-card-cvc = Código de segurança
payment-declined = Seu cartão foi recusado. Nada foi cobrado; tente outro cartão.

## Address form
address-first_name = Nome
address-last_name = Sobrenome
address-company = Empresa
address-line1 = Endereço
address-line2 = Complemento
address-phone = Telefone
address-city-city = Cidade
address-city-post_town = Cidade/localidade
address-city-suburb = Bairro
address-city-district = Distrito
address-region-state = Estado
address-region-province = Província
address-region-prefecture = Província
address-region-county = Condado
address-region-emirate = Emirado
address-region-region = Região
address-region-department = Departamento
address-region-area = Área
address-region-do_si = Província/cidade
address-region-governorate = Governorado
address-postal-postal_code = CEP
address-postal-zip_code = Código ZIP
address-postal-postcode = Código postal
address-postal-pin = Código postal (PIN)
address-postal-eircode = Eircode
address-choose = Selecione…
# $example (String) - a valid postal code
address-example = Exemplo: { $example }
field-optional = (opcional)
field-required = Este campo é obrigatório.
field-invalid = Verifique este campo.
# $max (Number)
field-too-long = Use no máximo { $max } caracteres.
# $example (String)
field-postal-code = Informe um código postal válido, por exemplo: { $example }.
field-unknown-region = Escolha uma opção da lista.
field-country-not-served = Esta loja não faz entregas para este país.

## Orders
order-thanks = Obrigado pelo seu pedido!
# $number (String)
order-title = Pedido { $number }
order-number-label = Número do pedido:
# $email (String)
order-email-sent = Enviamos uma confirmação para { $email }.
order-ship-to = Endereço de entrega
order-lookup-title = Consultar pedido
order-lookup-number = Número do pedido
order-lookup-submit = Consultar pedido
order-lookup-missing = Informe o número do pedido e o e-mail.
order-lookup-not-found = Não encontramos nenhum pedido com esse número e e-mail.

## Errors
error-unreachable = Não foi possível acessar a loja agora. Verifique sua conexão e tente novamente.
error-not-found = Não encontramos o que você procurava.
error-generic = Algo deu errado do nosso lado. Tente novamente.
# $count (Number) - how many can still be bought
error-out-of-stock = { $count ->
    [0] Desculpe, este item acabou de esgotar.
    [one] Desculpe, resta apenas uma unidade em estoque.
   *[other] Desculpe, restam apenas { $count } unidades em estoque.
}
error-conflict = Seu carrinho foi alterado em outra janela. Nós o recarregamos; confira e tente novamente.
error-retry = Tentar novamente

## Not found
not-found-title = Página não encontrada
not-found-body = A página que você procura não existe ou foi movida.
not-found-home = Voltar para a loja

## Notices about the cart, and the screen shown if the app fails
notice-cart-not-kept = Este navegador não guarda os dados desta loja: seu carrinho dura apenas enquanto esta página estiver aberta.
notice-cart-set-aside = Não foi possível recuperar seu carrinho salvo, então um novo foi criado.
notice-order-placed = Seu pedido { $number } foi feito.
notice-view-order = Ver pedido
notice-dismiss = Fechar
crash-message = Algo deu errado — recarregue a página. Seu carrinho e os pedidos feitos estão guardados.
crash-reload = Recarregar

## Recommendations
recs-bought-together = Frequentemente comprados juntos
recs-similar = Você também pode gostar
recs-complete = Complete seu pedido
recs-this-item = Este item: { $title }
recs-total = Preço total:
recs-add-all = { $count ->
    [one] Adicioná-lo ao carrinho
   *[other] Adicionar os { $count } ao carrinho
}
recs-add = Adicionar
recs-add-named = Adicionar { $title }

## Consent banner and privacy settings
consent-title = Sua privacidade
consent-text = Guardamos o que a loja precisa para funcionar (seu carrinho, a finalização da compra e esta escolha). Com a sua permissão, também medimos visitas e vendas e personalizamos anúncios.
consent-accept-all = Aceitar tudo
consent-reject-all = Rejeitar tudo
consent-manage = Gerenciar
consent-necessary = Necessários
consent-necessary-text = Carrinho, finalização da compra e esta escolha. Sempre ativos.
consent-analytics = Analíticos
consent-analytics-text = Quais páginas e produtos são vistos e comprados.
consent-marketing = Marketing
consent-marketing-text = Publicidade e ofertas personalizadas.
consent-save = Salvar preferências
privacy-settings = Configurações de privacidade
consent-functional = Funcionais
consent-functional-text = Lembrar os produtos que você viu para mostrá-los novamente.

## Recently viewed products
recent-title = Vistos recentemente

## Accounts
account-title = Minha conta
account-nav-label = Sua conta
account-sign-in = Entrar
account-register = Criar conta
account-sign-out = Sair
account-email = E-mail
account-password = Senha
account-password-rule = Use de { $min } a { $max } caracteres.
account-first-name = Nome
account-last-name = Sobrenome
account-phone = Telefone
account-no-account = Ainda não tem conta?
account-have-account = Já tem uma conta?
account-forgot = Esqueceu sua senha?
account-wrong-credentials = E-mail ou senha incorretos.
account-email-taken = Já existe uma conta com este e-mail. Entre ou redefina a senha.
account-not-verified = Sua conta ainda não foi verificada: clique no link do e-mail que enviamos para você.
account-too-many = Muitas tentativas. Tente novamente em { $minutes ->
    [one] um minuto
   *[other] { $minutes } minutos
}.
account-too-many-later = Muitas tentativas. Tente novamente mais tarde.
account-signed-out = Sua sessão foi encerrada. Entre novamente para continuar.
account-unavailable = As contas de cliente não estão disponíveis nesta loja no momento.
account-check-fields = Alguns campos precisam ser revisados.
account-signed-in-as = Olá, { $name }
account-profile = Meus dados
account-profile-save = Salvar dados
account-profile-saved = Seus dados foram salvos.
account-orders = Meus pedidos
account-orders-empty = Você ainda não fez nenhum pedido.
account-orders-more = Ver mais pedidos
account-order-view = Pedido { $number }
account-order-date = Realizado em { $date }
account-order-items = { $count ->
    [one] { $count } item
   *[other] { $count } itens
}
account-order-status-placed = Realizado
account-order-status-fulfilled = Enviado
account-order-status-cancelled = Cancelado
account-addresses = Meus endereços
account-addresses-empty = Você ainda não tem endereços salvos.
account-address-add = Adicionar endereço
account-address-edit = Editar
account-address-edit-title = Editar endereço
account-address-edit-label = Editar { $address }
account-address-remove = Remover
account-address-remove-label = Remover { $address }
account-address-save = Salvar endereço
account-address-cancel = Cancelar
account-address-country = País/região
account-address-default-shipping = Endereço de entrega padrão
account-address-default-billing = Endereço de cobrança padrão
account-address-saved = O endereço foi salvo.
account-address-removed = O endereço foi removido.
account-save-address = Salvar este endereço na minha conta
account-view-order = Ver este pedido na sua conta
account-reset-title = Redefinir sua senha
account-reset-request = Enviar link de redefinição
account-reset-sent = Se { $email } tiver uma conta, um link para redefinir a senha está a caminho.
account-reset-new = Nova senha
account-reset-submit = Salvar nova senha
account-reset-done = Sua senha foi alterada. Entre com a nova senha.
account-reset-invalid = Este link de redefinição não é mais válido. Solicite um novo.
account-reset-unsupported = Não é possível redefinir a senha por aqui nesta loja. Entre em contato com a loja.
account-outbox-title = Caixa de saída de desenvolvimento
account-outbox-intro = A loja integrada não envia e-mails: as mensagens que ela teria enviado aparecem aqui.
account-outbox-empty = Nenhuma mensagem ainda.
account-outbox-open = Abrir o link de redefinição de senha
