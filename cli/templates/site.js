// Search and filters of the chatcodes reference. Every entry is in the page;
// this only hides the ones that do not match (the `hidden` attribute), and
// keeps the query in the address (index.html?q=usersig+expired) so that a
// search can be shared as a link. Without JavaScript, every entry shows.
(function () {
  "use strict";
  var form = document.getElementById("search");
  var q = document.getElementById("q");
  var selects = ["vendor", "namespace", "retryability"].map(function (id) {
    return document.getElementById(id);
  });
  var count = document.getElementById("count");
  var nothing = document.getElementById("nothing");
  var entries = Array.prototype.slice.call(document.querySelectorAll("article.entry"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.category, section.namespace"));
  // What a search looks in: code, name, description, remedy, causes and
  // other names, lower-cased once.
  var parts = ".code, .name, .description, .remedy, .causes, .aliases";
  var texts = entries.map(function (e) {
    return Array.prototype.map.call(e.querySelectorAll(parts), function (p) {
      return p.textContent;
    }).join(" ").toLowerCase();
  });

  function apply() {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = selects.map(function (s) { return s.value; });
    var shown = 0;
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i], d = e.dataset, text = texts[i];
      var match = (!wanted[0] || d.vendor === wanted[0]) &&
        (!wanted[1] || d.namespace === wanted[1]) &&
        (!wanted[2] || d.retryability === wanted[2]) &&
        words.every(function (w) { return text.indexOf(w) !== -1; });
      if (e.hidden === match) e.hidden = !match;
      if (match) shown++;
    }
    // A section shows while any of its entries does.
    for (var j = 0; j < sections.length; j++) {
      var empty = !sections[j].querySelector("article.entry:not([hidden])");
      if (sections[j].hidden !== empty) sections[j].hidden = empty;
    }
    nothing.hidden = shown > 0;
    count.textContent = shown + " of " + entries.length + " entries";
  }

  // The address carries the search: ?q=...&vendor=...&namespace=...&retryability=...
  function save() {
    var params = new URLSearchParams();
    if (q.value.trim()) params.set("q", q.value.trim());
    selects.forEach(function (s) { if (s.value) params.set(s.id, s.value); });
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  var params = new URLSearchParams(location.search);
  q.value = params.get("q") || "";
  selects.forEach(function (s) {
    var v = params.get(s.id);
    if (v && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) s.value = v;
  });
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  q.addEventListener("input", function () { apply(); save(); });
  selects.forEach(function (s) { s.addEventListener("change", function () { apply(); save(); }); });
  apply();
})();
