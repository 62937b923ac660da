// Progress of a background job (the certificates of a Decision): polls the small JSON view until
// the job has finished, then offers the download. No inline script: the CSP forbids it.
(function () {
  "use strict";
  var box = document.getElementById("certificate-progress");
  if (!box) return;
  var meter = box.querySelector("[role=progressbar]");
  var bar = box.querySelector("[data-role=bar]");
  var count = box.querySelector("[data-role=done-count]");

  function draw(state) {
    // Setting a style property from script is allowed by the CSP; a style attribute is not.
    bar.style.width = state.percent + "%";
    meter.setAttribute("aria-valuenow", state.percent);
    count.textContent = state.done;
    if (state.finished) {
      bar.classList.remove("progress-bar-animated");
      box.querySelector("[data-role=done]").hidden = false;
      box.querySelector("[data-role=waiting]").hidden = true;
    }
  }

  bar.style.width = (bar.dataset.percent || "0") + "%";
  if (box.dataset.finished === "true") return;

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
