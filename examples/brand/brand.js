// The brand's own script: listens to Dhow's events to show the bag in its own words. It uses
// only the documented events and `window.Dhow`; Dhow needs no script from the brand at all.
const status = document.getElementById('cart-status');

document.addEventListener('dhow:cart-changed', (event) => {
  const { itemCount, total } = event.detail;
  status.textContent = itemCount === 0
    ? 'Your bag is empty.'
    : `Your bag: ${itemCount} item${itemCount === 1 ? '' : 's'}, ${total.amount} ${total.currency}.`;
});

document.addEventListener('dhow:order-placed', (event) => {
  status.textContent = `Thank you! Order ${event.detail.orderNumber} is on its way.`;
});
