// Sends the CSRF token with every htmx request; forms carry it as a hidden _csrf field.
document.addEventListener("htmx:configRequest", (e) => {
  const m = document.querySelector('meta[name="csrf-token"]');
  if (m) e.detail.headers["X-CSRF-Token"] = m.content;
});
