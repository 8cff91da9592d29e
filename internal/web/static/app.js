// claimgraph explorer: search-as-you-type suggestions for every search box
// marked data-suggest. Everything shown is set with textContent, never as
// HTML. The pages work without this script.
(function () {
  "use strict";

  function debounce(fn, ms) {
    var t;
    return function () {
      var args = arguments;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function item(kind, text, url) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = url;
    var badge = document.createElement("span");
    badge.className = "kind kind-" + kind;
    badge.textContent = kind;
    var label = document.createElement("span");
    label.className = "text";
    label.textContent = text;
    a.appendChild(badge);
    a.appendChild(label);
    li.appendChild(a);
    return li;
  }

  function attach(input) {
    var form = input.form;
    var list = document.createElement("ul");
    list.className = "suggest";
    list.hidden = true;
    form.appendChild(list);
    var active = -1;
    var seq = 0;

    function close() { list.hidden = true; active = -1; }

    function show(res) {
      list.textContent = "";
      active = -1;
      (res.entities || []).slice(0, 6).forEach(function (e) {
        list.appendChild(item(e.kind, e.name, e.url));
      });
      (res.claims || []).slice(0, 4).forEach(function (c) {
        list.appendChild(item("claim", (c.speaker ? c.speaker + ": " : "") + c.text, c.url));
      });
      list.hidden = list.children.length === 0;
    }

    var lookup = debounce(function (q) {
      var mine = ++seq;
      fetch("/api/search?limit=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (res) { if (res && mine === seq && input.value.trim() === q) { show(res); } })
        .catch(function () { close(); });
    }, 150);

    input.addEventListener("input", function () {
      var q = input.value.trim();
      if (q.length < 2) { seq++; close(); return; }
      lookup(q);
    });

    input.addEventListener("keydown", function (ev) {
      var items = list.querySelectorAll("li");
      if (list.hidden || items.length === 0) { return; }
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        ev.preventDefault();
        if (active >= 0) { items[active].classList.remove("active"); }
        active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
        items[active].classList.add("active");
      } else if (ev.key === "Enter" && active >= 0) {
        ev.preventDefault();
        window.location.href = items[active].querySelector("a").href;
      } else if (ev.key === "Escape") {
        close();
      }
    });

    document.addEventListener("click", function (ev) {
      if (!form.contains(ev.target)) { close(); }
    });
  }

  document.querySelectorAll("input[data-suggest]").forEach(attach);
})();
