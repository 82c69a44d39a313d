// Typesets the inline math of the papers' text with KaTeX, shipped beside this file in assets/katex/ (no CDN).
// Only elements of class "tex" (titles, TL;DRs, summaries, key points) are read, and KaTeX is loaded only when one
// of them holds math ($…$, $$…$$, \(…\)). Without JavaScript, or if KaTeX fails to load, the TeX source
// stays as written. KaTeX runs with trust:false, so \href, \url, \htmlClass … in a hostile title stay inert text.
(function () {
  "use strict";
  var KATEX = document.currentScript.src.replace(/[^/]*$/, "") + "katex/";

  // Same rule as io.paperwire.render.MathDelimiters (the email's Unicode math): a "$" is math only when the next
  // "$" outside braces closes it, the content is not blank, no digit follows, and the content is not padded with
  // spaces unless it holds TeX. So "costs $5 and $10" stays prose.
  function closing(text, from, length) {
    var level = 0;
    for (var k = from; k < text.length; k++) {
      var c = text.charAt(k);
      if (c === "\\") { k++; }
      else if (c === "{") { level++; }
      else if (c === "}") { level--; }
      else if (c === "$" && level <= 0) { return length === 1 || text.substr(k, 2) === "$$" ? k : -1; }
    }
    return -1;
  }

  function readsAsMath(text, start, end, after) {
    var content = text.slice(start, end);
    if (/^\s*$/.test(content) || /[0-9]/.test(text.charAt(after))) { return false; }
    return !/^\s|\s$/.test(content) || /[\\^_{]/.test(content);
  }

  /** Positions of the dollars that are prose, not math delimiters. */
  function proseDollars(text) {
    var prose = [];
    var i = 0;
    while (i < text.length) {
      var c = text.charAt(i);
      if (c === "\\") { i += 2; continue; }
      if (c !== "$") { i++; continue; }
      var length = text.substr(i, 2) === "$$" ? 2 : 1;
      var close = closing(text, i + length, length);
      if (close >= 0 && readsAsMath(text, i + length, close, close + length)) {
        i = close + length;
      } else {
        for (var d = 0; d < length; d++) { prose.push(i + d); }
        i += length;
      }
    }
    return prose;
  }

  /** Puts each prose dollar in a span of its own, which auto-render skips, so it cannot pair with another. */
  function shieldProseDollars(element) {
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    nodes.forEach(function (node) {
      var prose = proseDollars(node.data);
      for (var p = prose.length - 1; p >= 0; p--) {
        var after = node.splitText(prose[p]);
        after.splitText(1);
        var shield = document.createElement("span");
        shield.className = "tex-prose";
        after.parentNode.replaceChild(shield, after);
        shield.appendChild(after);
      }
    });
  }

  function holdsMath(text) {
    return text.indexOf("\\(") >= 0 || text.split("$").length - 1 > proseDollars(text).length;
  }

  var elements = Array.prototype.filter.call(document.querySelectorAll(".tex"), function (e) {
    return holdsMath(e.textContent);
  });
  if (elements.length === 0) {
    document.documentElement.setAttribute("data-math", "none");
    return;
  }

  function load(tag, attributes, then) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { node[name] = attributes[name]; });
    node.onload = then;
    document.head.appendChild(node);
  }

  function typeset() {
    elements.forEach(function (element) {
      shieldProseDollars(element);
      window.renderMathInElement(element, {
        delimiters: [
          { left: "$$", right: "$$", display: false },
          { left: "$", right: "$", display: false },
          { left: "\\(", right: "\\)", display: false }
        ],
        ignoredClasses: ["tex-prose"],
        throwOnError: false,
        trust: false,
        strict: "ignore",
        maxExpand: 200,
        maxSize: 10
      });
    });
    document.documentElement.setAttribute("data-math", "typeset");
  }

  load("link", { rel: "stylesheet", href: KATEX + "katex.min.css" });
  load("script", { src: KATEX + "katex.min.js" }, function () {
    load("script", { src: KATEX + "contrib/auto-render.min.js" }, typeset);
  });
})();
