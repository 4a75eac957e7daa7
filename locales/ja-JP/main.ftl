# Dhow storefront — Japanese (Japan).
# Every locale has exactly the message ids of en-US (a test checks it).

## Page frame
skip-to-content = 本文へスキップ
footer-nav = ショップ情報
market-links-label = 他の国・地域で買い物する

## Home
home-featured = おすすめ商品
home-collections = コレクションから探す

## Market selector
market-country = 国/地域
market-language = 言語

## Prices and market terms
# $amount (String) - a formatted price converted from another currency
price-approx = 約{ $amount }
price-was = 通常価格
terms-tax-included = 税込
terms-tax-excluded = 税別
terms-duties-paid = 関税・輸入税はご購入手続き時にお支払いいただきます
terms-duties-due = お届け時に輸入関税がかかる場合があります

## Products
product-sold-out = 売り切れ
variant-sold-out = 売り切れ
variant-unavailable = お取り扱いなし
quantity = 数量
add-to-cart = カートに入れる
# $count (Number) - units left in stock
stock-low = 残りわずか（あと{ $count }点）
# $index (Number), $count (Number)
gallery-show-image = { $count }枚中{ $index }枚目の画像を表示

## Search and collections
search-label = 商品を検索
search-placeholder = 検索
search-submit = 検索
search-all = すべての商品
# $query (String) - what the shopper searched for
search-results-for = 「{ $query }」の検索結果
# $count (Number)
search-count = { $count ->
    [0] 該当する商品はありません
   *[other] { $count }件の商品
}
search-empty = この条件に一致する商品はありません。絞り込み条件をいくつか解除してお試しください。
sort-label = 並べ替え
sort-featured = おすすめ順
sort-price_asc = 価格の安い順
sort-price_desc = 価格の高い順
sort-title_asc = 名前順（A～Z）
sort-newest = 新着順
filter-title = 絞り込み
filter-collection = コレクション
filter-price = 価格
# $min (String), $max (String) - formatted prices
filter-price-range = { $min }～{ $max }
filter-price-min = 下限
filter-price-max = 上限
filter-apply = 適用
filter-in-stock = 在庫ありのみ
filter-clear = 条件をクリア
pagination-label = ページ
pagination-previous = 前へ
pagination-next = 次へ
# $page (Number), $pages (Number)
pagination-status = { $pages }ページ中{ $page }ページ目

## Cart
cart-button = カート
# $count (Number) - items in the cart
cart-count = { $count ->
    [0] カートは空です
   *[other] カートに{ $count }点の商品があります
}
cart-title = ショッピングカート
cart-close = カートを閉じる
cart-empty = カートに商品はありません。
cart-continue = 買い物を続ける
cart-checkout = ご購入手続きへ
cart-view = カートを見る
cart-remove = 削除
# $title (String) - product title
cart-remove-item = { $title }を削除
cart-decrease = 数量を減らす
cart-increase = 数量を増やす
# $title (String)
cart-quantity-of = { $title }の数量
# $price (String) - formatted unit price
cart-unit-price = 単価 { $price }
# $count (Number)
cart-line-quantity = 数量：{ $count }

## Discount codes
promo-label = 割引コード
promo-apply = 適用
promo-empty = 先にコードを入力してください。
promo-free-shipping = 送料無料
# $code (String)
promo-remove-code = コード「{ $code }」を削除
promo-unknown = 「{ $code }」は無効なコードです。
promo-expired = 「{ $code }」は有効期限が切れています。
promo-used-up = 「{ $code }」は利用回数の上限に達しています。
promo-minimum = 「{ $code }」はご注文金額が利用条件に満たないため使用できません。
promo-not-in-market = 「{ $code }」はこの国/地域ではご利用いただけません。
promo-already-applied = 「{ $code }」はすでに適用されています。
promo-not-combinable = 「{ $code }」は適用済みのコードと併用できません。

## Totals
totals-subtotal = 小計
totals-discount = 割引
totals-shipping = 送料
totals-shipping-pending = ご購入手続き時に計算されます
totals-tax = 税金
# $amount (String)
totals-tax-included = うち税額 { $amount }
totals-duties = 関税・輸入税
# $amount (String)
totals-duties-due = お届け時に約{ $amount }の輸入関税がかかる場合があります
totals-total = 合計
totals-estimate = 概算

## Checkout
checkout-title = ご購入手続き
checkout-close = 購入手続きを閉じる
checkout-details = 連絡先とお届け先
checkout-email = メールアドレス
# $country (String) - country name
checkout-shipping-to = お届け先の国/地域：{ $country }。別の国/地域へお届けする場合は、ページ上部で国/地域を変更してください。
checkout-bill-to-shipping = 請求先住所は配送先住所と同じ
checkout-billing-address = 請求先住所
checkout-billing-country = 請求先の国/地域
checkout-continue-shipping = 配送方法の選択へ進む
checkout-shipping = 配送方法
checkout-continue-payment = お支払いへ進む
checkout-payment = お支払い
checkout-edit = 変更
# $total (String)
checkout-pay-total = お支払い金額：{ $total }
checkout-place-order = ご注文を確定する
checkout-out-of-stock = ご注文の一部の商品が売り切れました。カートの内容をご確認ください。
shipping-free = 無料
# $min (Number), $max (Number) - business days
shipping-days = { $min }～{ $max }営業日
summary-title = ご注文内容
payment-test-hint = テスト決済専用です。カード番号 4242 4242 4242 4242 と、今日以降の任意の有効期限を入力してください。
payment-card-number = カード番号
payment-card-expiry = 有効期限（月/年）
payment-card-cvc = セキュリティコード
payment-declined = カードが承認されませんでした。料金は請求されていません。別のカードをお試しください。

## Address form
address-first_name = 名
address-last_name = 姓
address-company = 会社名
address-line1 = 住所
address-line2 = 建物名・部屋番号など
address-phone = 電話番号
address-city-city = 市区町村
address-city-post_town = 市町村
address-city-suburb = 地区
address-city-district = 区
address-region-state = 州
address-region-province = 州/省
address-region-prefecture = 都道府県
address-region-county = 県
address-region-emirate = 首長国
address-region-region = 地域
address-region-department = 県
address-region-area = エリア
address-region-do_si = 道/市
address-region-governorate = 県
address-postal-postal_code = 郵便番号
address-postal-zip_code = 郵便番号（ZIP）
address-postal-postcode = 郵便番号
address-postal-pin = 郵便番号（PIN）
address-postal-eircode = Eircode
address-choose = 選択してください…
# $example (String) - a valid postal code
address-example = 例：{ $example }
field-optional = （任意）
field-required = この項目は必須です。
field-invalid = 入力内容をご確認ください。
# $max (Number)
field-too-long = { $max }文字以内で入力してください。
# $example (String)
field-postal-code = 有効な郵便番号を入力してください（例：{ $example }）。
field-unknown-region = リストから選択してください。
field-country-not-served = このストアからはこの国への配送を承っておりません。

## Orders
order-thanks = ご注文ありがとうございます！
# $number (String)
order-title = ご注文 { $number }
order-number-label = ご注文番号：
# $email (String)
order-email-sent = 確認メールを { $email } 宛てにお送りしています。
order-ship-to = お届け先
order-lookup-title = ご注文の検索
order-lookup-number = ご注文番号
order-lookup-submit = ご注文を検索
order-lookup-missing = ご注文番号とメールアドレスを入力してください。
order-lookup-not-found = このご注文番号とメールアドレスに一致するご注文が見つかりませんでした。

## Errors
error-unreachable = 現在ストアに接続できません。通信環境をご確認のうえ、もう一度お試しください。
error-not-found = お探しの情報が見つかりませんでした。
error-generic = 申し訳ありません。システムでエラーが発生しました。もう一度お試しください。
# $count (Number) - how many can still be bought
error-out-of-stock = { $count ->
    [0] 申し訳ありません。この商品はただいま売り切れました。
   *[other] 申し訳ありません。在庫は残り{ $count }点です。
}
error-conflict = 別のウィンドウでカートが変更されました。カートを再読み込みしましたので、内容をご確認のうえもう一度お試しください。
error-retry = もう一度試す

## Not found
not-found-title = ページが見つかりません
not-found-body = お探しのページは存在しないか、移動した可能性があります。
not-found-home = ショップに戻る

## Notices about the cart, and the screen shown if the app fails
notice-cart-not-kept = このブラウザーはストアのデータを保存しません。カートはこのページを開いている間だけ保持されます。
notice-cart-set-aside = 保存されたカートを復元できなかったため、新しいカートを作成しました。
notice-order-placed = ご注文 { $number } を承りました。
notice-view-order = 注文を表示
notice-dismiss = 閉じる
crash-message = 問題が発生しました。ページを再読み込みしてください。カートとご注文は保持されています。
crash-reload = 再読み込み

## Recommendations
recs-bought-together = よく一緒に購入されている商品
recs-similar = こちらもおすすめ
recs-complete = ご一緒にいかがですか
recs-this-item = この商品: { $title }
recs-total = 合計金額:
recs-add-all = { $count }点すべてをカートに追加
recs-add = 追加
recs-add-named = { $title }を追加

## Consent banner and privacy settings
consent-title = プライバシーについて
consent-text = ストアの動作に必要な情報（カート、ご購入手続き、この設定）は保存されます。お客様の同意をいただいた場合は、アクセス数や売上の計測、広告のパーソナライズも行います。
consent-accept-all = すべて同意する
consent-reject-all = すべて拒否する
consent-manage = 設定を管理
consent-necessary = 必須
consent-necessary-text = カート、ご購入手続き、この設定の保存に使用します。常に有効です。
consent-analytics = 分析
consent-analytics-text = どのページや商品が閲覧・購入されたかを計測します。
consent-marketing = マーケティング
consent-marketing-text = 広告やお客様に合わせたおすすめ・特典の表示に使用します。
consent-save = 設定を保存
privacy-settings = プライバシー設定
consent-functional = 機能性
consent-functional-text = ご覧になった商品を記憶し、再度表示するために使用します。

## Recently viewed products
recent-title = 最近チェックした商品

## Accounts
account-title = マイページ
account-nav-label = マイページメニュー
account-sign-in = ログイン
account-register = 会員登録
account-sign-out = ログアウト
account-email = メールアドレス
account-password = パスワード
account-password-rule = { $min }～{ $max }文字で入力してください。
account-first-name = 名
account-last-name = 姓
account-phone = 電話番号
account-no-account = 初めてご利用ですか？
account-have-account = すでにアカウントをお持ちですか？
account-forgot = パスワードをお忘れですか？
account-wrong-credentials = メールアドレスまたはパスワードが正しくありません。
account-email-taken = このメールアドレスはすでに登録されています。ログインするか、パスワードを再設定してください。
account-not-verified = アカウントの確認が完了していません。お送りしたメールに記載されているリンクから確認を完了してください。
account-too-many = 試行回数の上限に達しました。{ $minutes ->
   *[other] { $minutes }分
}後にもう一度お試しください。
account-too-many-later = 試行回数の上限に達しました。しばらくしてからもう一度お試しください。
account-signed-out = ログアウトされました。続けるには、もう一度ログインしてください。
account-unavailable = 現在、このストアではアカウント機能をご利用いただけません。
account-check-fields = 入力内容に不備があります。各項目をご確認ください。
account-signed-in-as = { $name } 様でログイン中
account-profile = 会員情報
account-profile-save = 会員情報を保存
account-profile-saved = 会員情報を保存しました。
account-orders = 注文履歴
account-orders-empty = ご注文履歴はまだありません。
account-orders-more = さらに表示
account-order-view = ご注文 { $number }
account-order-date = ご注文日：{ $date }
account-order-items = { $count ->
   *[other] { $count }点
}
account-order-status-placed = ご注文受付済み
account-order-status-fulfilled = 発送済み
account-order-status-cancelled = キャンセル済み
account-addresses = 住所録
account-addresses-empty = 登録済みの住所はまだありません。
account-address-add = 住所を追加
account-address-edit = 編集
account-address-edit-title = 住所を編集
account-address-edit-label = { $address }を編集
account-address-remove = 削除
account-address-remove-label = { $address }を削除
account-address-save = 住所を保存
account-address-cancel = キャンセル
account-address-country = 国/地域
account-address-default-shipping = 既定のお届け先住所
account-address-default-billing = 既定の請求先住所
account-address-saved = 住所を保存しました。
account-address-removed = 住所を削除しました。
account-save-address = この住所を住所録に保存する
account-view-order = このご注文をマイページで確認する
account-reset-title = パスワードの再設定
account-reset-request = 再設定用リンクを送信
account-reset-sent = { $email } でアカウントが登録されている場合は、パスワード再設定用のリンクをお送りしています。
account-reset-new = 新しいパスワード
account-reset-submit = 新しいパスワードを設定
account-reset-done = パスワードを変更しました。新しいパスワードでログインしてください。
account-reset-invalid = この再設定用リンクは無効です。お手数ですが、もう一度リンクをご請求ください。
account-reset-unsupported = このストアでは、こちらからパスワードを再設定することはできません。ストアまでお問い合わせください。
account-outbox-title = 開発用送信トレイ
account-outbox-intro = 組み込みストアはメールを送信しません。送信されるはずだったメッセージをここに一覧表示します。
account-outbox-empty = メッセージはまだありません。
account-outbox-open = パスワード再設定用リンクを開く
