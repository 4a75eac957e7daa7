// The brand's own script: listens to Dhow's events to show the bag in its own words. It uses
// only the documented events and `window.Dhow`; Dhow needs no script from the brand at all.
const status = document.getElementById('cart-status');
let lastOrder = null;

document.addEventListener('dhow:cart-changed', (event) => {
  const { itemCount, total } = event.detail;
  status.textContent = itemCount === 0
    ? (lastOrder ? `Thank you! Order ${lastOrder} is on its way.` : 'Your bag is empty.')
    : `Your bag: ${itemCount} item${itemCount === 1 ? '' : 's'}, ${total.amount} ${total.currency}.`;
});

document.addEventListener('dhow:order-placed', (event) => {
  lastOrder = event.detail.orderNumber;
  status.textContent = `Thank you! Order ${lastOrder} is on its way.`;
});
