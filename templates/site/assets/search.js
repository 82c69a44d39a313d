// Searches the archive in the browser. The index (window.PAPERWIRE_SEARCH, from search-index.js) lists every paper:
// t title, a authors, s TL;DR, u the paper's place in its issue and p its own page (links relative to the site root),
// i issue, g topics. The title links to the paper's page, the issue to its place there. Results are built with
// textContent only, so nothing from a paper is ever read as HTML. No framework, no network.
(function () {
  "use strict";
  var index = window.PAPERWIRE_SEARCH || [];
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var MAX = 100;

  function words(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^\p{L}\p{N}]+/u)
      .filter(function (w) { return w.length > 0; });
  }

  var haystacks = index.map(function (e) {
    return words([e.t, e.a, e.s, (e.g || []).join(" ")].join(" ")).join(" ");
  });

  function safeHref(u) {
    // Index links are our own relative page links; anything with a scheme is refused.
    return /^[a-z][a-z0-9+.-]*:/i.test(u) ? "#" : u;
  }

  function render() {
    var query = words(input.value);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (query.length === 0) {
      status.textContent = index.length + " papers in the archive.";
      return;
    }
    var found = 0;
    for (var i = 0; i < index.length && found < MAX; i++) {
      var hay = " " + haystacks[i];
      if (query.every(function (w) { return hay.indexOf(" " + w) >= 0; })) {
        var e = index[i];
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = safeHref(e.p || e.u);
        a.textContent = e.t;
        var meta = document.createElement("div");
        meta.className = "meta";
        var issue = document.createElement("a");
        issue.className = "issue";
        issue.href = safeHref(e.u);
        issue.textContent = e.i;
        meta.appendChild(issue);
        if (e.a) { meta.appendChild(document.createTextNode(" · " + e.a)); }
        li.appendChild(a);
        li.appendChild(meta);
        if (e.s && e.s !== e.t) {
          var p = document.createElement("div");
          p.textContent = e.s;
          li.appendChild(p);
        }
        list.appendChild(li);
        found++;
      }
    }
    status.textContent = found === 0 ? "No paper matches."
      : found === 1 ? "1 paper matches." : found + (found === MAX ? "+" : "") + " papers match.";
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); }
  input.addEventListener("input", render);
  render();
})();
