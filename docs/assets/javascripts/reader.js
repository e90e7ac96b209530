/* Reader helpers (chaiqiang.reader), no libraries.
 *
 * 1. Printed pages show where links go: every link in the page's text gets
 *    data-print-href, its address on the published site (resolved against the
 *    page's canonical URL, so a page read offline still prints real addresses);
 *    reader.css prints it after the link on paper only.
 * 2. Material gives each code block's copy button a <nav> of its own; several
 *    unnamed navigation landmarks on one page confuse screen-reader users, and
 *    a copy button is no navigation: those navs get role="none".
 */
(function () {
  "use strict";

  function printHrefs() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : location.href;
    var links = document.querySelectorAll(".md-content a[href]");
    Array.prototype.forEach.call(links, function (a) {
      var href = a.getAttribute("href");
      if (!href || href.charAt(0) === "#" || a.closest(".headerlink, .footnote-ref, .footnote-backref")) {
        return;
      }
      var url;
      try {
        url = new URL(href, base).href;
      } catch (e) {
        return;
      }
      if (a.textContent.trim() === url || a.textContent.trim() === href) {
        return; // the link's text already is its address
      }
      a.setAttribute("data-print-href", url);
    });
  }

  function unnameCodeNavs() {
    var navs = document.querySelectorAll("nav.md-code__nav:not([role])");
    Array.prototype.forEach.call(navs, function (nav) {
      nav.setAttribute("role", "none");
    });
  }

  printHrefs();
  unnameCodeNavs();
  // Material adds the code blocks' buttons after load.
  if ("MutationObserver" in window) {
    new MutationObserver(unnameCodeNavs).observe(document.body, { childList: true, subtree: true });
  }
})();
