# Dhow storefront — Arabic.
# Every locale has exactly the message ids of en-US (a test checks it).

## Page frame
skip-to-content = الانتقال إلى المحتوى
footer-nav = معلومات المتجر
market-links-label = تسوّق من بلد أو منطقة أخرى

## Home
home-featured = منتجات مميزة
home-collections = تسوّق حسب المجموعة

## Market selector
market-country = البلد/المنطقة
market-language = اللغة

## Prices and market terms
# $amount (String) - a formatted price converted from another currency
price-approx = ≈ { $amount }
price-was = السعر السابق
terms-tax-included = شامل الضريبة
terms-tax-excluded = غير شامل الضريبة
terms-duties-paid = تُدفع الرسوم الجمركية وضرائب الاستيراد عند إتمام الشراء
terms-duties-due = قد تُستحق رسوم استيراد عند التسليم

## Products
product-sold-out = نفدت الكمية
variant-sold-out = نفدت الكمية
variant-unavailable = غير متوفر
quantity = الكمية
add-to-cart = أضف إلى السلة
# $count (Number) - units left in stock
stock-low = { $count ->
    [zero] نفدت الكمية
    [one] لم يتبقَّ سوى قطعة واحدة
    [two] لم يتبقَّ سوى قطعتين
    [few] لم يتبقَّ سوى { $count } قطع
    [many] لم يتبقَّ سوى { $count } قطعة
   *[other] لم يتبقَّ سوى { $count } قطعة
}
# $index (Number), $count (Number)
gallery-show-image = عرض الصورة { $index } من { $count }

## Search and collections
search-label = البحث في المنتجات
search-placeholder = ابحث
search-submit = بحث
search-all = جميع المنتجات
# $query (String) - what the shopper searched for
search-results-for = نتائج البحث عن «{ $query }»
# $count (Number)
search-count = { $count ->
    [zero] لا توجد منتجات
    [one] منتج واحد
    [two] منتجان
    [few] { $count } منتجات
    [many] { $count } منتجًا
   *[other] { $count } منتج
}
search-empty = لا توجد منتجات تطابق عوامل التصفية هذه. جرّب إزالة بعضها.
sort-label = ترتيب حسب
sort-featured = المميزة
sort-price_asc = السعر: من الأقل إلى الأعلى
sort-price_desc = السعر: من الأعلى إلى الأقل
sort-title_asc = الاسم: من الألف إلى الياء
sort-newest = الأحدث
filter-title = عوامل التصفية
filter-collection = المجموعة
filter-price = السعر
# $min (String), $max (String) - formatted prices
filter-price-range = من { $min } إلى { $max }
filter-price-min = الحد الأدنى
filter-price-max = الحد الأقصى
filter-apply = تطبيق
filter-in-stock = المنتجات المتوفرة فقط
filter-clear = مسح عوامل التصفية
pagination-label = الصفحات
pagination-previous = السابق
pagination-next = التالي
# $page (Number), $pages (Number)
pagination-status = الصفحة { $page } من { $pages }

## Cart
cart-button = السلة
# $count (Number) - items in the cart
cart-count = { $count ->
    [zero] سلتك فارغة
    [one] في سلتك منتج واحد
    [two] في سلتك منتجان
    [few] في سلتك { $count } منتجات
    [many] في سلتك { $count } منتجًا
   *[other] في سلتك { $count } منتج
}
cart-title = سلة التسوق
cart-close = إغلاق السلة
cart-empty = سلتك فارغة.
cart-continue = متابعة التسوق
cart-checkout = إتمام الشراء
cart-view = عرض السلة
cart-remove = إزالة
# $title (String) - product title
cart-remove-item = إزالة { $title }
cart-decrease = تقليل الكمية
cart-increase = زيادة الكمية
# $title (String)
cart-quantity-of = كمية { $title }
# $price (String) - formatted unit price
cart-unit-price = { $price } للقطعة الواحدة
# $count (Number)
cart-line-quantity = الكمية: { $count }

## Discount codes
promo-label = رمز الخصم
promo-apply = تطبيق
promo-empty = يُرجى إدخال الرمز أولًا.
promo-free-shipping = شحن مجاني
# $code (String)
promo-remove-code = إزالة الرمز { $code }
promo-unknown = الرمز «{ $code }» غير صالح.
promo-expired = انتهت صلاحية الرمز «{ $code }».
promo-used-up = استُخدم الرمز «{ $code }» الحد الأقصى لعدد المرات.
promo-minimum = يتطلب الرمز «{ $code }» طلبًا بقيمة أعلى.
promo-not-in-market = لا يمكن استخدام الرمز «{ $code }» في هذا البلد أو هذه المنطقة.
promo-already-applied = تم تطبيق الرمز «{ $code }» بالفعل.
promo-not-combinable = لا يمكن الجمع بين الرمز «{ $code }» والرمز المطبَّق حاليًا.

## Totals
totals-subtotal = المجموع الفرعي
totals-discount = الخصم
totals-shipping = الشحن
totals-shipping-pending = يُحتسب عند إتمام الشراء
totals-tax = الضريبة
# $amount (String)
totals-tax-included = يشمل ضرائب بقيمة { $amount }
totals-duties = الرسوم الجمركية وضرائب الاستيراد
# $amount (String)
totals-duties-due = قد تُستحق رسوم استيراد بقيمة { $amount } تقريبًا عند التسليم
totals-total = الإجمالي
totals-estimate = تقديري

## Checkout
checkout-title = إتمام الشراء
checkout-close = إغلاق الدفع
checkout-details = بيانات الاتصال والتوصيل
checkout-email = البريد الإلكتروني
# $country (String) - country name
checkout-shipping-to = الشحن إلى { $country }. للشحن إلى وجهة أخرى، يُرجى تغيير البلد/المنطقة من أعلى الصفحة.
checkout-bill-to-shipping = عنوان الفاتورة هو نفسه عنوان الشحن
checkout-billing-address = عنوان الفاتورة
checkout-billing-country = بلد/منطقة عنوان الفاتورة
checkout-continue-shipping = المتابعة إلى الشحن
checkout-shipping = طريقة الشحن
checkout-continue-payment = المتابعة إلى الدفع
checkout-payment = الدفع
checkout-edit = تعديل
# $total (String)
checkout-pay-total = المبلغ المطلوب: { $total }
checkout-place-order = تأكيد الطلب
checkout-out-of-stock = نفدت للتو كمية بعض المنتجات في طلبك. يُرجى مراجعة سلتك.
shipping-free = مجاني
# $min (Number), $max (Number) - business days
shipping-days = من { $min } إلى { $max } أيام عمل
summary-title = ملخص الطلب
payment-test-hint = للدفعات التجريبية فقط: استخدم البطاقة 4242 4242 4242 4242 مع أي تاريخ انتهاء مستقبلي.
payment-card-number = رقم البطاقة
payment-card-expiry = تاريخ الانتهاء (الشهر/السنة)
payment-card-cvc = رمز الأمان
payment-declined = تم رفض بطاقتك. لم يُخصم أي مبلغ؛ يُرجى تجربة بطاقة أخرى.

## Address form
address-first_name = الاسم الأول
address-last_name = اسم العائلة
address-company = الشركة
address-line1 = العنوان
address-line2 = الشقة، المبنى، إلخ.
address-phone = رقم الهاتف
address-city-city = المدينة
address-city-post_town = البلدة/المدينة
address-city-suburb = الضاحية
address-city-district = الحي
address-region-state = الولاية
address-region-province = المقاطعة
address-region-prefecture = المحافظة
address-region-county = المقاطعة
address-region-emirate = الإمارة
address-region-region = المنطقة
address-region-department = المقاطعة
address-region-area = المنطقة
address-region-do_si = المقاطعة/المدينة
address-region-governorate = المحافظة
address-postal-postal_code = الرمز البريدي
address-postal-zip_code = الرمز البريدي (ZIP)
address-postal-postcode = الرمز البريدي
address-postal-pin = الرمز البريدي (PIN)
address-postal-eircode = رمز Eircode
address-choose = اختر…
# $example (String) - a valid postal code
address-example = مثال: { $example }
field-optional = (اختياري)
field-required = هذا الحقل مطلوب.
field-invalid = يبدو أن هذه القيمة غير صحيحة.
# $max (Number)
field-too-long = الحد الأقصى لعدد الأحرف هو { $max }.
# $example (String)
field-postal-code = يُرجى إدخال رمز بريدي صالح، مثل { $example }.
field-unknown-region = يُرجى الاختيار من القائمة.
field-country-not-served = لا يشحن هذا المتجر إلى هذا البلد.

## Orders
order-thanks = شكرًا لك على طلبك!
# $number (String)
order-title = الطلب رقم { $number }
order-number-label = رقم الطلب:
# $email (String)
order-email-sent = سيصلك تأكيد الطلب على { $email }.
order-ship-to = عنوان الشحن
order-lookup-title = البحث عن طلب
order-lookup-number = رقم الطلب
order-lookup-submit = البحث عن الطلب
order-lookup-missing = يُرجى إدخال رقم الطلب والبريد الإلكتروني.
order-lookup-not-found = لم نعثر على طلب بهذا الرقم وهذا البريد الإلكتروني.

## Errors
error-unreachable = يتعذّر الوصول إلى المتجر حاليًا. يُرجى التحقق من اتصالك بالإنترنت والمحاولة مرة أخرى.
error-not-found = لم نعثر على ما تبحث عنه.
error-generic = حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى.
# $count (Number) - how many can still be bought
error-out-of-stock = { $count ->
    [zero] عذرًا، نفدت كمية هذا المنتج للتو.
    [one] عذرًا، لم يتبقَّ في المخزون سوى قطعة واحدة.
    [two] عذرًا، لم يتبقَّ في المخزون سوى قطعتين.
    [few] عذرًا، لم يتبقَّ في المخزون سوى { $count } قطع.
    [many] عذرًا، لم يتبقَّ في المخزون سوى { $count } قطعة.
   *[other] عذرًا، لم يتبقَّ في المخزون سوى { $count } قطعة.
}
error-conflict = تغيّرت سلتك في نافذة أخرى. أعدنا تحميلها؛ يُرجى مراجعتها والمحاولة مرة أخرى.
error-retry = إعادة المحاولة

## Not found
not-found-title = الصفحة غير موجودة
not-found-body = الصفحة التي تبحث عنها غير موجودة أو تم نقلها.
not-found-home = العودة إلى المتجر

## Notices about the cart, and the screen shown if the app fails
notice-cart-not-kept = هذا المتصفح لا يحفظ بيانات هذا المتجر: تبقى سلتك فقط ما دامت هذه الصفحة مفتوحة.
notice-cart-set-aside = تعذّرت استعادة سلتك المحفوظة، لذا أُنشئت سلة جديدة.
notice-order-placed = تم تقديم طلبك { $number }.
notice-view-order = عرض الطلب
notice-dismiss = إغلاق
crash-message = حدث خطأ ما — أعد تحميل الصفحة. سلتك وأي طلب قدّمته محفوظان.
crash-reload = إعادة التحميل

## Recommendations
recs-bought-together = يُشترى معًا عادةً
recs-similar = قد يعجبك أيضًا
recs-complete = أكمل طلبك
recs-this-item = هذا المنتج: { $title }
recs-total = السعر الإجمالي:
recs-add-all = { $count ->
    [one] أضف المنتج إلى السلة
    [two] أضف المنتجين إلى السلة
   *[other] أضف المنتجات الـ { $count } إلى السلة
}
recs-add = أضف
recs-add-named = أضف { $title }

## Consent banner and privacy settings
consent-title = خصوصيتك
consent-text = نحتفظ بما يلزم لعمل المتجر (سلتك، وإتمام الشراء، وهذا الاختيار). وبإذنك، نقيس أيضًا الزيارات والمبيعات ونخصّص الإعلانات.
consent-accept-all = قبول الكل
consent-reject-all = رفض الكل
consent-manage = إدارة التفضيلات
consent-necessary = ضرورية
consent-necessary-text = السلة وإتمام الشراء وهذا الاختيار. مفعّلة دائمًا.
consent-analytics = تحليلية
consent-analytics-text = الصفحات والمنتجات التي تُشاهَد وتُشترى.
consent-marketing = تسويقية
consent-marketing-text = الإعلانات والعروض المخصّصة.
consent-save = حفظ الاختيارات
privacy-settings = إعدادات الخصوصية
consent-functional = وظيفية
consent-functional-text = تذكُّر المنتجات التي شاهدتها لعرضها عليك مجددًا.

## Recently viewed products
recent-title = المنتجات التي شاهدتها مؤخرًا

## Accounts
account-title = حسابي
account-nav-label = حسابك
account-sign-in = تسجيل الدخول
account-register = إنشاء حساب
account-sign-out = تسجيل الخروج
account-email = البريد الإلكتروني
account-password = كلمة المرور
account-password-rule = يجب أن يتراوح عدد الأحرف بين { $min } و{ $max }.
account-first-name = الاسم الأول
account-last-name = اسم العائلة
account-phone = رقم الهاتف
account-no-account = ليس لديك حساب؟
account-have-account = لديك حساب بالفعل؟
account-forgot = هل نسيت كلمة المرور؟
account-wrong-credentials = البريد الإلكتروني أو كلمة المرور غير صحيحة.
account-email-taken = يوجد حساب بهذا البريد الإلكتروني بالفعل. سجّل الدخول أو أعد تعيين كلمة المرور.
account-not-verified = لم يتم التحقق من حسابك بعد: اتبع الرابط الوارد في رسالة البريد الإلكتروني التي أرسلناها إليك.
account-too-many = محاولات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد { $minutes ->
    [zero] قليل
    [one] دقيقة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
}.
account-too-many-later = محاولات كثيرة جدًا. يُرجى المحاولة مرة أخرى لاحقًا.
account-signed-out = تم تسجيل خروجك. سجّل الدخول مجددًا للمتابعة.
account-unavailable = الحسابات غير متاحة في هذا المتجر حاليًا.
account-check-fields = بعض الحقول تحتاج إلى مراجعة.
account-signed-in-as = تم تسجيل الدخول باسم { $name }
account-profile = الملف الشخصي
account-profile-save = حفظ الملف الشخصي
account-profile-saved = تم حفظ ملفك الشخصي.
account-orders = سجل الطلبات
account-orders-empty = ليس لديك أي طلبات بعد.
account-orders-more = عرض المزيد من الطلبات
account-order-view = الطلب رقم { $number }
account-order-date = تاريخ الطلب: { $date }
account-order-items = { $count ->
    [zero] لا توجد منتجات
    [one] منتج واحد
    [two] منتجان
    [few] { $count } منتجات
    [many] { $count } منتجًا
   *[other] { $count } منتج
}
account-order-status-placed = قيد المعالجة
account-order-status-fulfilled = تم الشحن
account-order-status-cancelled = ملغى
account-addresses = العناوين
account-addresses-empty = ليس لديك عناوين محفوظة بعد.
account-address-add = إضافة عنوان
account-address-edit = تعديل
account-address-edit-title = تعديل العنوان
account-address-edit-label = تعديل { $address }
account-address-remove = إزالة
account-address-remove-label = إزالة { $address }
account-address-save = حفظ العنوان
account-address-cancel = إلغاء
account-address-country = البلد/المنطقة
account-address-default-shipping = عنوان الشحن الافتراضي
account-address-default-billing = عنوان الفاتورة الافتراضي
account-address-saved = تم حفظ العنوان.
account-address-removed = تمت إزالة العنوان.
account-save-address = حفظ هذا العنوان في دفتر العناوين
account-view-order = عرض هذا الطلب في حسابك
account-reset-title = إعادة تعيين كلمة المرور
account-reset-request = إرسال رابط إعادة التعيين
account-reset-sent = إذا كان هناك حساب مرتبط بالبريد الإلكتروني { $email }، فسيصل إليه رابط لإعادة تعيين كلمة المرور.
account-reset-new = كلمة المرور الجديدة
account-reset-submit = تعيين كلمة المرور الجديدة
account-reset-done = تم تغيير كلمة المرور. سجّل الدخول باستخدام كلمة المرور الجديدة.
account-reset-invalid = رابط إعادة التعيين هذا لم يعد صالحًا. اطلب رابطًا جديدًا.
account-reset-unsupported = لا يمكن إعادة تعيين كلمة المرور من هنا في هذا المتجر. يُرجى التواصل مع المتجر.
account-outbox-title = صندوق الصادر (بيئة التطوير)
account-outbox-intro = المتجر المدمج لا يرسل أي رسائل بريد إلكتروني: تُعرض هنا الرسائل التي كان سيرسلها.
account-outbox-empty = لا توجد رسائل بعد.
account-outbox-open = فتح رابط إعادة تعيين كلمة المرور
