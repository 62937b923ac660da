// Progress of a background job (the certificates of a Decision): polls the small JSON view until
// the job has finished, then offers the download. No inline script: the CSP forbids it.
(function () {
  "use strict";
  var box = document.getElementById("certificate-progress");
  if (!box || box.dataset.finished === "true") return;
  var bar = box.querySelector("[data-role=bar]");
  var count = box.querySelector("[data-role=done-count]");

  function draw(state) {
    bar.value = state.percent;
    bar.textContent = state.percent + "%";
    count.textContent = state.done;
    box.querySelector("[data-role=error]").hidden = !state.retrying;
    if (state.finished) {
      box.querySelector("[data-role=done]").hidden = false;
      box.querySelector("[data-role=waiting]").hidden = true;
    }
  }

  function poll() {
    fetch(box.dataset.url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (state) {
          draw(state);
          if (state.finished) return;
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
