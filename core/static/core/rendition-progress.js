// The progress page of a document produced in the background (core.views.rendition_status):
// asks every second how far it is and shows the download link once the file is stored.
// No inline script: CSP.
(function () {
  "use strict";
  var box = document.querySelector("[data-rendition]");
  if (!box || box.dataset.finished === "true") { return; }
  var status = box.querySelector("[data-rendition-status]");
  var done = box.querySelector("[data-rendition-done]");
  var link = box.querySelector("[data-rendition-link]");
  var retry = box.querySelector("[data-rendition-retry]");
  var failed = box.querySelector("[data-rendition-error]");

  function show(data) {
    status.textContent = data.status_label;
    if (data.download_url) {
      link.href = data.download_url;
      done.hidden = false;
    }
    retry.hidden = !(data.error && data.status !== "failed");
    failed.hidden = data.status !== "failed";
  }

  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (data) {
        show(data);
        if (!data.finished) { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }

  poll();
})();
