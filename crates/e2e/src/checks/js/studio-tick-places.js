// Ticks the selected event's places arguments[0] (and no other), as an
// editor would, in the closed list, which it opens first.
document.querySelector('.st-places summary').click();
for (const c of document.querySelectorAll('#st-places input')) {
  if (c.checked !== arguments[0].includes(c.value)) c.click();
}
