// Search-as-you-type unit picker: a text box that asks the server for matching units and fills
// a hidden input with the chosen unit's id. Used where a dropdown of every unit would be too long.
(function () {
  "use strict";
  function debounce(fn, wait) {
    var timer;
    return function () {
      var args = arguments;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { fn.apply(null, args); }, wait);
    };
  }

  function setUp(picker) {
    var text = picker.querySelector("[data-unit-picker-text]");
    var value = picker.querySelector("[data-unit-picker-value]");
    var results = picker.querySelector("[data-unit-picker-results]");
    var url = picker.dataset.searchUrl;

    function close() {
      results.classList.remove("show");
      text.setAttribute("aria-expanded", "false");
    }

    function choose(item) {
      value.value = item.id;
      text.value = item.name;
      close();
    }

    function show(items) {
      results.textContent = "";
      items.forEach(function (item, index) {
        var li = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "dropdown-item";
        button.setAttribute("role", "option");
        button.id = text.id + "-option-" + index;
        var name = document.createElement("div");
        name.textContent = item.name;
        var detail = document.createElement("div");
        detail.className = "small text-body-secondary";
        detail.textContent = item.detail;
        button.append(name, detail);
        button.addEventListener("click", function () { choose(item); });
        li.append(button);
        results.append(li);
      });
      results.classList.toggle("show", items.length > 0);
      text.setAttribute("aria-expanded", items.length > 0 ? "true" : "false");
    }

    var search = debounce(function (query) {
      if (query.length < 2) { show([]); return; }
      fetch(url + "?q=" + encodeURIComponent(query), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (text.value === query) show(data.results); })
        .catch(function () { show([]); });
    }, 200);

    text.addEventListener("input", function () {
      value.value = "";  // typing again clears the previous choice
      search(text.value.trim());
    });
    text.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close();
      if (event.key === "ArrowDown") {
        var first = results.querySelector("button");
        if (first) { event.preventDefault(); first.focus(); }
      }
    });
    document.addEventListener("click", function (event) {
      if (!picker.contains(event.target)) close();
    });
  }

  document.querySelectorAll("[data-unit-picker]").forEach(setUp);
})();
