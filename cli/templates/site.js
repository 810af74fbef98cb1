// Search, filters and language of the chatcodes reference. Every entry is in
// the page in both languages; this hides the ones that do not match (the
// `hidden` attribute), lists the matches of a search best first, shows one
// language (?lang=zh), and keeps all of it in the address
// (index.html?q=usersig+expired&lang=zh) so that a search can be shared as
// a link. Without JavaScript, every entry shows, in the page's language.
(function () {
  "use strict";
  var form = document.getElementById("search");
  var q = document.getElementById("q");
  var selects = ["vendor", "namespace", "retryability"].map(function (id) {
    return document.getElementById(id);
  });
  var count = document.getElementById("count");
  var lang = document.getElementById("lang");
  var results = document.getElementById("results");
  var nothing = document.getElementById("nothing");
  var entries = Array.prototype.slice.call(document.querySelectorAll("article.entry"));
  var categories = Array.prototype.slice.call(document.querySelectorAll("section.category"));
  var namespaces = Array.prototype.slice.call(document.querySelectorAll("section.namespace"));
  // What a search looks in: code, name, description, remedy, causes and
  // other names, lower-cased once; and each entry's filter values and
  // sections, read once.
  var parts = ".code, .name, .description, .remedy, .causes, .aliases";
  function textOf(e, selector) {
    return Array.prototype.map.call(e.querySelectorAll(selector), function (p) {
      return p.textContent;
    }).join(" ").toLowerCase();
  }
  var index = entries.map(function (e) {
    var text = textOf(e, parts);
    var category = e.parentNode;
    var code = e.querySelector(".code").textContent;
    var range = /^(-?\d+)-(-?\d+)$/.exec(code);
    return {
      text: text,
      // Words split on anything but letters, digits, "_" and "-".
      tokens: " " + text.split(/[^a-z0-9_-]+/).join(" ") + " ",
      code: code,
      range: range && [Number(range[1]), Number(range[2])],
      values: [e.dataset.vendor, e.dataset.namespace, e.dataset.retryability],
      category: categories.indexOf(category),
      namespace: namespaces.indexOf(category.parentNode),
      hidden: e.hidden,
      // For ranking: the names, the description (both languages).
      names: textOf(e, ".code, .name, .aliases"),
      description: textOf(e, ".description"),
      // Where the entry goes back to when the search is cleared.
      home: category
    };
  });

  // How well an entry matches: a word in its code or names counts most,
  // then in its description, then elsewhere (remedy, causes).
  function score(x, words) {
    var total = 0;
    for (var w = 0; w < words.length; w++) {
      var word = words[w];
      total += x.names.indexOf(word) !== -1 ? 4 : x.description.indexOf(word) !== -1 ? 3 : 1;
    }
    return total;
  }

  // A number matches the codes it begins (30001 finds 30001, not 130001),
  // a range holding it, or the same number as a word of the text; other
  // words match anywhere in the text.
  function matches(x, word) {
    if (!/^-?\d+$/.test(word)) return x.text.indexOf(word) !== -1;
    var n = Number(word);
    return x.code.indexOf(word) === 0 ||
      (x.range !== null && n >= x.range[0] && n <= x.range[1]) ||
      x.tokens.indexOf(" " + word + " ") !== -1;
  }

  function setHidden(element, hidden) {
    if (element.hidden !== hidden) element.hidden = hidden;
  }

  function apply() {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = selects.map(function (s) { return s.value; });
    var shownIn = { category: categories.map(function () { return 0; }),
                    namespace: namespaces.map(function () { return 0; }) };
    var shown = 0, ranked = [];
    for (var i = 0; i < entries.length; i++) {
      var x = index[i], match = true;
      for (var f = 0; f < 3 && match; f++) match = !wanted[f] || x.values[f] === wanted[f];
      for (var w = 0; w < words.length && match; w++) match = matches(x, words[w]);
      if (x.hidden === match) { x.hidden = !match; entries[i].hidden = !match; }
      if (match) {
        shown++; shownIn.category[x.category]++; shownIn.namespace[x.namespace]++;
        if (words.length) ranked.push([score(x, words), i]);
      }
    }
    if (words.length) {
      // A search lists its matches best first, in one list.
      ranked.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
      ranked.forEach(function (r) { results.appendChild(entries[r[1]]); });
      namespaces.forEach(function (n) { setHidden(n, true); });
      setHidden(results, shown === 0);
    } else {
      // Without words, the entries are back in their sections, in order.
      if (results.firstChild) entries.forEach(function (e, j) { index[j].home.appendChild(e); });
      setHidden(results, true);
      // A section shows while any of its entries does.
      categories.forEach(function (c, j) { setHidden(c, shownIn.category[j] === 0); });
      namespaces.forEach(function (n, j) { setHidden(n, shownIn.namespace[j] === 0); });
    }
    setHidden(nothing, shown > 0);
    count.textContent = document.documentElement.lang === "zh"
      ? "共 " + entries.length + " 条，显示 " + shown + " 条"
      : shown + " of " + entries.length + " entries";
  }

  // One language at a time; the page's own language until one is chosen.
  function setLang(value) {
    document.documentElement.lang = value;
    document.documentElement.dataset.lang = value;
  }

  // The address carries the search: ?q=...&vendor=...&namespace=...&retryability=...
  function save() {
    var params = new URLSearchParams();
    if (q.value.trim()) params.set("q", q.value.trim());
    selects.forEach(function (s) { if (s.value) params.set(s.id, s.value); });
    if (lang.value !== pageLang) params.set("lang", lang.value);
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  var pageLang = document.documentElement.dataset.lang;
  var params = new URLSearchParams(location.search);
  lang.value = params.get("lang") === "zh" || params.get("lang") === "en" ? params.get("lang") : pageLang;
  setLang(lang.value);
  q.value = params.get("q") || "";
  selects.forEach(function (s) {
    var v = params.get(s.id);
    if (v && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) s.value = v;
  });
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  q.addEventListener("input", function () { apply(); save(); });
  selects.forEach(function (s) { s.addEventListener("change", function () { apply(); save(); }); });
  lang.addEventListener("change", function () { setLang(lang.value); apply(); save(); });
  apply();
})();
