# Dhow storefront — Chinese (Simplified, China).
# Every locale has exactly the message ids of en-US (a test checks it).

## Page frame
skip-to-content = 跳到主要内容
footer-nav = 商店信息
market-links-label = 在其他国家或地区购物

## Home
home-featured = 精选商品
home-collections = 按系列选购

## Market selector
market-country = 国家/地区
market-language = 语言

## Prices and market terms
# $amount (String) - a formatted price converted from another currency
price-approx = 约 { $amount }
price-was = 原价
terms-tax-included = 含税
terms-tax-excluded = 不含税
terms-duties-paid = 关税和进口税在结账时支付
terms-duties-due = 收货时可能需要缴纳进口关税

## Products
product-sold-out = 已售罄
variant-sold-out = 已售罄
variant-unavailable = 无法购买
quantity = 数量
add-to-cart = 加入购物车
# $count (Number) - units left in stock
stock-low = 仅剩 { $count } 件
# $index (Number), $count (Number)
gallery-show-image = 查看第 { $index } 张图片（共 { $count } 张）

## Search and collections
search-label = 搜索商品
search-placeholder = 搜索
search-submit = 搜索
search-all = 全部商品
# $query (String) - what the shopper searched for
search-results-for = “{ $query }”的搜索结果
# $count (Number)
search-count = { $count ->
    [0] 没有商品
   *[other] { $count } 件商品
}
search-empty = 没有符合这些筛选条件的商品，请尝试移除部分条件。
sort-label = 排序方式
sort-featured = 推荐
sort-price_asc = 价格从低到高
sort-price_desc = 价格从高到低
sort-title_asc = 名称（A–Z）
sort-newest = 最新上架
filter-title = 筛选
filter-collection = 系列
filter-price = 价格
# $min (String), $max (String) - formatted prices
filter-price-range = { $min } 至 { $max }
filter-price-min = 最低
filter-price-max = 最高
filter-apply = 应用
filter-in-stock = 仅显示有货商品
filter-clear = 清除筛选条件
pagination-label = 分页
pagination-previous = 上一页
pagination-next = 下一页
# $page (Number), $pages (Number)
pagination-status = 第 { $page } 页，共 { $pages } 页

## Cart
cart-button = 购物车
# $count (Number) - items in the cart
cart-count = { $count ->
    [0] 购物车是空的
   *[other] 购物车中有 { $count } 件商品
}
cart-title = 购物车
cart-close = 关闭购物车
cart-empty = 您的购物车是空的。
cart-continue = 继续购物
cart-checkout = 去结算
cart-view = 查看购物车
cart-remove = 删除
# $title (String) - product title
cart-remove-item = 删除 { $title }
cart-decrease = 减少数量
cart-increase = 增加数量
# $title (String)
cart-quantity-of = { $title } 的数量
# $price (String) - formatted unit price
cart-unit-price = 单价 { $price }
# $count (Number)
cart-line-quantity = 数量：{ $count }

## Discount codes
promo-label = 优惠码
promo-apply = 使用
promo-empty = 请先输入优惠码。
promo-free-shipping = 免运费
# $code (String)
promo-remove-code = 移除优惠码 { $code }
promo-unknown = “{ $code }”不是有效的优惠码。
promo-expired = 优惠码“{ $code }”已过期。
promo-used-up = 优惠码“{ $code }”的使用次数已达上限。
promo-minimum = 订单金额未达到优惠码“{ $code }”的使用门槛。
promo-not-in-market = 优惠码“{ $code }”不适用于此国家/地区。
promo-already-applied = 优惠码“{ $code }”已使用。
promo-not-combinable = 优惠码“{ $code }”不能与您已使用的优惠码同时使用。

## Totals
totals-subtotal = 小计
totals-discount = 优惠
totals-shipping = 运费
totals-shipping-pending = 结账时计算
totals-tax = 税费
# $amount (String)
totals-tax-included = 含税费 { $amount }
totals-duties = 关税和进口税
# $amount (String)
totals-duties-due = 收货时可能需要缴纳约 { $amount } 的进口关税
totals-total = 总计
totals-estimate = 预估

## Checkout
checkout-title = 结账
checkout-close = 关闭结账
checkout-details = 联系方式和收货信息
checkout-email = 电子邮箱
# $country (String) - country name
checkout-shipping-to = 配送至 { $country }。如需配送至其他国家/地区，请在页面顶部更改国家/地区。
checkout-bill-to-shipping = 账单地址与收货地址相同
checkout-billing-address = 账单地址
checkout-billing-country = 账单地址所在国家/地区
checkout-continue-shipping = 继续选择配送方式
checkout-shipping = 配送方式
checkout-continue-payment = 继续付款
checkout-payment = 付款
checkout-edit = 修改
# $total (String)
checkout-pay-total = 应付金额：{ $total }
checkout-place-order = 提交订单
checkout-out-of-stock = 您订单中的部分商品刚刚售罄，请检查您的购物车。
shipping-free = 免费
# $min (Number), $max (Number) - business days
shipping-days = { $min }–{ $max } 个工作日
summary-title = 订单摘要
payment-test-hint = 仅限测试付款：请使用卡号 4242 4242 4242 4242，有效期填写任意未来日期。
payment-card-number = 卡号
payment-card-expiry = 有效期（月/年）
payment-card-cvc = 安全码
payment-declined = 您的银行卡被拒绝。未产生任何扣款，请换一张卡重试。

## Address form
address-first_name = 名
address-last_name = 姓
address-company = 公司
address-line1 = 地址
address-line2 = 公寓、单元、楼层等
address-phone = 电话
address-city-city = 城市
address-city-post_town = 城镇
address-city-suburb = 区/镇
address-city-district = 区
address-region-state = 州
address-region-province = 省份
address-region-prefecture = 都道府县
address-region-county = 县/郡
address-region-emirate = 酋长国
address-region-region = 大区
address-region-department = 省
address-region-area = 区域
address-region-do_si = 道/市
address-region-governorate = 省
address-postal-postal_code = 邮政编码
address-postal-zip_code = 邮政编码（ZIP）
address-postal-postcode = 邮政编码
address-postal-pin = 邮政编码（PIN）
address-postal-eircode = Eircode
address-choose = 请选择…
# $example (String) - a valid postal code
address-example = 例如：{ $example }
field-optional = （选填）
field-required = 此项为必填项。
field-invalid = 请检查此项内容。
# $max (Number)
field-too-long = 最多可输入 { $max } 个字符。
# $example (String)
field-postal-code = 请输入有效的邮政编码，例如 { $example }。
field-unknown-region = 请从列表中选择。
field-country-not-served = 本店不向此国家配送。

## Orders
order-thanks = 感谢您的订购！
# $number (String)
order-title = 订单 { $number }
order-number-label = 订单号：
# $email (String)
order-email-sent = 确认邮件即将发送至 { $email }。
order-ship-to = 收货地址
order-lookup-title = 查询订单
order-lookup-number = 订单号
order-lookup-submit = 查询订单
order-lookup-missing = 请输入您的订单号和电子邮箱。
order-lookup-not-found = 未找到与此订单号和电子邮箱匹配的订单。

## Errors
error-unreachable = 暂时无法连接到商店。请检查您的网络连接，然后重试。
error-not-found = 找不到您要查找的内容。
error-generic = 我们这边出了点问题，请重试。
# $count (Number) - how many can still be bought
error-out-of-stock = { $count ->
    [0] 抱歉，该商品刚刚售罄。
   *[other] 抱歉，库存仅剩 { $count } 件。
}
error-conflict = 您的购物车已在另一个窗口中更改。我们已重新加载，请检查后重试。
error-retry = 重试

## Not found
not-found-title = 页面未找到
not-found-body = 您要查找的页面不存在或已被移动。
not-found-home = 返回商店

## Notices about the cart, and the screen shown if the app fails
notice-cart-not-kept = 此浏览器不保存本店数据：购物车仅在此页面打开期间保留。
notice-cart-set-aside = 无法恢复您保存的购物车，已为您新建购物车。
notice-order-placed = 您的订单 { $number } 已提交。
notice-view-order = 查看订单
notice-dismiss = 关闭
crash-message = 出现问题，请重新加载页面。您的购物车和已提交的订单都会保留。
crash-reload = 重新加载

## Recommendations
recs-bought-together = 经常一起购买
recs-similar = 猜你喜欢
recs-complete = 完善您的订单
recs-this-item = 本商品：{ $title }
recs-total = 总价：
recs-add-all = 全部 { $count } 件一起加购
recs-add = 添加
recs-add-named = 添加{ $title }

## Consent banner and privacy settings
consent-title = 您的隐私
consent-text = 我们会保存商店正常运行所需的信息（您的购物车、结账信息和本次选择）。征得您的同意后，我们还会统计访问量和销售情况，并展示个性化广告。
consent-accept-all = 全部接受
consent-reject-all = 全部拒绝
consent-manage = 管理设置
consent-necessary = 必要
consent-necessary-text = 购物车、结账和本次选择。始终开启。
consent-analytics = 分析
consent-analytics-text = 统计哪些页面和商品被浏览和购买。
consent-marketing = 营销
consent-marketing-text = 广告和个性化优惠。
consent-save = 保存选择
privacy-settings = 隐私设置
consent-functional = 功能
consent-functional-text = 记住您浏览过的商品，以便再次展示。

## Recently viewed products
recent-title = 最近浏览

## Accounts
account-title = 我的账户
account-nav-label = 您的账户
account-sign-in = 登录
account-register = 注册
account-sign-out = 退出登录
account-email = 电子邮箱
account-password = 密码
account-password-rule = 请使用 { $min } 至 { $max } 个字符。
account-first-name = 名
account-last-name = 姓
account-phone = 电话
account-no-account = 还没有账户？
account-have-account = 已有账户？
account-forgot = 忘记密码？
account-wrong-credentials = 电子邮箱或密码错误。
account-email-taken = 此电子邮箱已注册过账户。请直接登录，或重置密码。
account-not-verified = 您的账户尚未验证：请点击我们发送给您的邮件中的链接。
account-too-many = 尝试次数过多，请在 { $minutes ->
   *[other] { $minutes } 分钟
}后重试。
account-too-many-later = 尝试次数过多，请稍后重试。
account-signed-out = 您已退出登录。请重新登录以继续。
account-unavailable = 本店目前暂不支持账户功能。
account-check-fields = 部分信息需要修改，请检查。
account-signed-in-as = 已登录：{ $name }
account-profile = 个人资料
account-profile-save = 保存个人资料
account-profile-saved = 您的个人资料已保存。
account-orders = 我的订单
account-orders-empty = 您还没有订单。
account-orders-more = 查看更多订单
account-order-view = 订单 { $number }
account-order-date = 下单日期：{ $date }
account-order-items = { $count ->
   *[other] { $count } 件商品
}
account-order-status-placed = 已下单
account-order-status-fulfilled = 已发货
account-order-status-cancelled = 已取消
account-addresses = 地址簿
account-addresses-empty = 您还没有保存的地址。
account-address-add = 添加地址
account-address-edit = 编辑
account-address-edit-title = 编辑地址
account-address-edit-label = 编辑 { $address }
account-address-remove = 删除
account-address-remove-label = 删除 { $address }
account-address-save = 保存地址
account-address-cancel = 取消
account-address-country = 国家/地区
account-address-default-shipping = 默认收货地址
account-address-default-billing = 默认账单地址
account-address-saved = 地址已保存。
account-address-removed = 地址已删除。
account-save-address = 将此地址保存到我的地址簿
account-view-order = 在您的账户中查看此订单
account-reset-title = 重置密码
account-reset-request = 发送重置链接
account-reset-sent = 如果 { $email } 已注册账户，密码重置链接即将发送至该邮箱。
account-reset-new = 新密码
account-reset-submit = 设置新密码
account-reset-done = 您的密码已更改，请使用新密码登录。
account-reset-invalid = 此重置链接已失效，请重新申请。
account-reset-unsupported = 本店无法在此重置密码，请联系商店。
account-outbox-title = 开发用发件箱
account-outbox-intro = 内置商店不会发送电子邮件：本应发送的邮件都列在这里。
account-outbox-empty = 暂无邮件。
account-outbox-open = 打开密码重置链接
