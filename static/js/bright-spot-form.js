// The bright spot form shows the specific criteria of the chosen field only (the general ones
// always). Without JavaScript every criterion shows and the server checks the choice.
(function () {
  "use strict";
  var form = document.getElementById("bright-spot-form");
  if (!form) return;
  function update() {
    var chosen = form.querySelector("input[name=field]:checked");
    var field = chosen ? chosen.value : null;
    form.querySelectorAll("input[name=targeted]").forEach(function (box) {
      var group = box.value.split("-")[0];
      var row = box.closest(".form-check");
      var hidden = group !== "general" && field !== null && group !== field;
      if (row) row.hidden = hidden;
      if (hidden) box.checked = false;
    });
  }
  form.addEventListener("change", function (event) {
    if (event.target.name === "field") update();
  });
  update();
})();
