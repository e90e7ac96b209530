/* Reader helpers (chaiqiang.reader), no libraries, nothing done on load that
 * a reader does not need then.
 *
 * 1. Printed pages show where links go: when the page is printed, every link in
 *    the page's text gets data-print-href, its address on the published site
 *    (resolved against the page's canonical URL, so a page read offline still
 *    prints real addresses); reader.css prints it after the link on paper only.
 * 2. Material gives each code block's copy button a <nav> of its own; several
 *    unnamed navigation landmarks on one page confuse screen-reader users, and
 *    a copy button is no navigation: those navs get role="none".
 * 3. "Cite this page" (overrides/chaiqiang/citations/box.html): the picker of
 *    what to cite (the page, or one of its sections, events, figures or paragraphs) is shown,
 *    and choosing a part puts its references, pre-rendered in the box's JSON data
 *    block, into each style's preview and copy text (which Material's copy button
 *    copies), and its anchor after the addresses. Without this script the box
 *    cites the page, and says how to cite a section by hand.
 * 4. The phone's navigation drawer opens from a real button (overrides/partials/
 *    header.html): it clicks Material's hidden checkbox #__drawer, as Material's
 *    own code does, so Material sees its usual change; aria-expanded follows the
 *    checkbox whatever changes it (the overlay, the drawer's title, a link);
 *    Escape closes the drawer and gives the focus back to the button.
 * 5. The bilingual view's reading mode (overrides/chaiqiang/bilingual/article.html)
 *    works by CSS alone; this remembers it for the next bilingual page, by language
 *    ("English only" is English on the English-first and the Chinese-first view).
 */
(function () {
  "use strict";

  var printReady = false;

  function printHrefs() {
    if (printReady) {
      return;
    }
    printReady = true;
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
      var text = a.textContent.trim();
      if (text === url || text === href) {
        return; // the link's text already is its address
      }
      a.setAttribute("data-print-href", url);
    });
  }

  window.addEventListener("beforeprint", printHrefs);
  if (window.matchMedia) {
    // Print previews and headless printing switch the media without "beforeprint".
    var print = window.matchMedia("print");
    var onChange = function (event) {
      if (event.matches) {
        printHrefs();
      }
    };
    if (print.addEventListener) {
      print.addEventListener("change", onChange);
    } else if (print.addListener) {
      print.addListener(onChange);
    }
  }

  // Chinese words on a page in another language are marked, as the build marks
  // them in the page (chaiqiang.lang_marks), so that screen readers switch voice.
  var HAN = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+(?:[\u00b7\u3000-\u303f\uff00-\uffef]*[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)*)/;
  var marksChinese = !/^zh/.test(document.documentElement.lang || "");

  function appendText(parent, text) {
    var pieces = marksChinese ? text.split(HAN) : [text];
    pieces.forEach(function (piece, i) {
      if (!piece) {
        return;
      }
      if (i % 2) {
        var span = document.createElement("span");
        span.lang = "zh-Hant";
        span.textContent = piece;
        parent.appendChild(span);
      } else {
        parent.appendChild(document.createTextNode(piece));
      }
    });
  }

  function citeParts() {
    var select = document.querySelector("select[data-cite-parts]");
    var data = select && document.getElementById(select.getAttribute("data-cite-parts"));
    if (!data) {
      return;
    }
    var parts;
    try {
      parts = JSON.parse(data.textContent);
    } catch (e) {
      return; // the picker stays hidden; the box cites the page
    }
    var box = select.closest(".chaiqiang-cite");
    var blocks = parts.styles.map(function (key) {
      var block = box.querySelector('[data-format="' + key + '"]');
      var preview = block && block.querySelector(".chaiqiang-cite__preview");
      var copy = block && block.querySelector("pre");
      // The page's own references, to put back when the page is chosen again.
      return preview && copy ? { preview: preview, copy: copy, html: preview.innerHTML, text: copy.textContent } : null;
    });
    var addresses = box.querySelectorAll("a[data-cite-address]");

    function show() {
      // A paragraph is cited as its section (or the page) is, at its own anchor:
      // its references are those of the section with the address pinned to it.
      var own = Object.prototype.hasOwnProperty;
      var value = select.value;
      var alias = parts.alias && own.call(parts.alias, value) ? parts.alias[value] : null;
      var key = alias === null ? value : alias;
      var refs = key && own.call(parts.refs, key) ? parts.refs[key] : null;
      var base = addresses.length ? addresses[0].getAttribute("data-cite-address") : "";
      var from = base + (key ? "#" + key : "");
      var pin = function (text) {
        return alias === null || !base ? text : text.split(from).join(base + "#" + value);
      };
      blocks.forEach(function (block, i) {
        if (!block) {
          return;
        }
        if (!refs) {
          block.preview.innerHTML = pin(block.html);
          block.copy.textContent = pin(block.text);
          return;
        }
        // Segments alternate plain and italic text, plain first.
        var segments = refs[i].map(pin);
        block.preview.textContent = "";
        segments.forEach(function (text, j) {
          if (j % 2) {
            var italic = document.createElement("i");
            appendText(italic, text);
            block.preview.appendChild(italic);
          } else {
            appendText(block.preview, text);
          }
        });
        block.copy.textContent = "";
        appendText(block.copy, segments.join(""));
      });
      Array.prototype.forEach.call(addresses, function (a) {
        var url = a.getAttribute("data-cite-address") + (select.value ? "#" + select.value : "");
        a.href = url;
        a.textContent = url;
      });
    }

    select.addEventListener("change", show);
    if (select.value) {
      show(); // a choice the browser restored (reload, back)
    }
    select.closest(".chaiqiang-cite__pick").hidden = false;
  }

  citeParts();

  function unname(nav) {
    if (!nav.hasAttribute("role")) {
      nav.setAttribute("role", "none");
    }
  }

  var drawer = document.getElementById("__drawer");
  var drawerButton = document.querySelector("button.cq-drawer-button");
  if (drawer && drawerButton) {
    var showState = function () {
      drawerButton.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    };
    drawerButton.addEventListener("click", function () {
      drawer.click(); // toggles `checked` and fires `change`, which Material watches
    });
    drawer.addEventListener("change", showState);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.click();
        drawerButton.focus();
      }
    });
    showState();
  }

  var modes = document.querySelectorAll('input[name="cq-bilingual-mode"]');
  if (modes.length) {
    var MODE_KEY = "chaiqiang.bilingual.mode";
    var saved = null;
    try {
      saved = window.localStorage.getItem(MODE_KEY);
    } catch (e) {
      // no storage (a private window, file:// in some browsers): the choice is not kept
    }
    Array.prototype.forEach.call(modes, function (input) {
      var value = input.getAttribute("data-lang") || "both";
      if (saved === value) {
        input.checked = true;
      }
      input.addEventListener("change", function () {
        try {
          window.localStorage.setItem(MODE_KEY, value);
        } catch (e) {
          // as above
        }
      });
    });
  }

  // Material adds the buttons to each code block after load: watch the code
  // blocks only, and only on pages that have any.
  var blocks = document.querySelectorAll("pre");
  if (blocks.length && "MutationObserver" in window) {
    var observer = new MutationObserver(function (records) {
      records.forEach(function (record) {
        Array.prototype.forEach.call(record.addedNodes, function (node) {
          if (node.nodeType === 1 && node.matches("nav.md-code__nav")) {
            unname(node);
          }
        });
      });
    });
    Array.prototype.forEach.call(blocks, function (pre) {
      observer.observe(pre, { childList: true });
      Array.prototype.forEach.call(pre.querySelectorAll("nav.md-code__nav"), unname);
    });
  }
})();
