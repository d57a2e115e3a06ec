// Progress of a newsletter send: poll the JSON endpoint and update the bar. Without JavaScript the page
// refreshes itself (meta refresh in <noscript>) and offers a reload link.
(function () {
  "use strict";
  var box = document.querySelector("[data-progress-url]");
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute("data-progress-url");
  var bar = box.querySelector("progress");
  var fmt = new Intl.NumberFormat("de-DE");
  function update(data) {
    if (bar) { bar.max = Math.max(data.total, 1); bar.value = data.sent + data.failed + data.skipped; bar.textContent = data.percent + " %"; }
    ["sent", "failed", "skipped", "remaining", "total", "percent"].forEach(function (key) {
      var el = box.querySelector('[data-field="' + key + '"]');
      if (el) { el.textContent = key === "percent" ? String(data[key]) : fmt.format(data[key]); }
    });
    return data.finished;
  }
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && update(data)) { window.location.reload(); return; }
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
