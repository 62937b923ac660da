// The download progress page: asks the server how far the file is, every second, and shows the
// link when it is ready (reporting.views.export_status). No inline script: CSP.
(function () {
  "use strict";
  var box = document.querySelector("[data-export-progress]");
  if (!box) { return; }
  var status = box.querySelector("[data-export-status]");
  var bar = box.querySelector("[data-export-bar]");
  var percent = box.querySelector("[data-export-percent]");
  var done = box.querySelector("[data-export-done]");
  var link = box.querySelector("[data-export-link]");
  var error = box.querySelector("[data-export-error]");
  var errorText = box.querySelector("[data-export-error-text]");

  function show(data) {
    status.textContent = data.status_label;
    bar.value = data.progress;
    bar.textContent = data.progress + "%";
    percent.textContent = data.progress + "%";
    if (data.download_url) {
      link.href = data.download_url;
      done.hidden = false;
    }
    if (data.status === "failed") {
      errorText.textContent = data.error;
      error.hidden = false;
    }
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
