/* Timeline filters: a progressive enhancement, no libraries.
 *
 * Without this script every event is visible and the filter form stays hidden.
 * With it, the form filters `li[data-actors][data-kind]` by actor, kind, phase
 * and status, keeps the choice in the URL (?actor=tencent&kind=block) so it can
 * be shared, and restores it on load. A link to #evt-… always shows its event:
 * if the filters would hide it, they are cleared.
 */
(function () {
  "use strict";

  var FIELDS = ["actor", "kind", "phase", "status"];

  function matches(item, state) {
    var actors = (item.getAttribute("data-actors") || "").split(/\s+/);
    return (
      (!state.actor || actors.indexOf(state.actor) !== -1) &&
      (!state.kind || item.getAttribute("data-kind") === state.kind) &&
      (!state.phase || item.getAttribute("data-phase") === state.phase) &&
      // data-status lists the status and, when another source confirms it, "confirmed".
      (!state.status || (item.getAttribute("data-status") || "").split(/\s+/).indexOf(state.status) !== -1)
    );
  }

  function readForm(form) {
    var state = {};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      state[name] = field ? field.value : "";
    });
    return state;
  }

  function writeForm(form, state) {
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) return;
      var wanted = state[name] || "";
      // Only accept values that the form offers.
      var known = Array.prototype.some.call(field.options, function (o) {
        return o.value === wanted;
      });
      field.value = known ? wanted : "";
    });
  }

  function stateFromUrl() {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    FIELDS.forEach(function (name) {
      state[name] = params.get(name) || "";
    });
    return state;
  }

  function writeUrl(state) {
    var url = new URL(window.location.href);
    FIELDS.forEach(function (name) {
      if (state[name]) url.searchParams.set(name, state[name]);
      else url.searchParams.delete(name);
    });
    if (url.href !== window.location.href) {
      window.history.replaceState(window.history.state, "", url.href);
    }
  }

  function apply(root, form, state) {
    var shown = 0;
    var items = root.querySelectorAll("li[data-actors][data-kind]");
    Array.prototype.forEach.call(items, function (item) {
      var visible = matches(item, state);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    // A year with no visible event is hidden with its heading.
    Array.prototype.forEach.call(root.querySelectorAll("[data-cq-group]"), function (group) {
      group.hidden = !group.querySelector("li[data-actors][data-kind]:not([hidden])");
    });
    var count = form.querySelector("[data-cq-count]");
    if (count) {
      count.textContent = form
        .getAttribute("data-count-template")
        .replace("{shown}", String(shown))
        .replace("{total}", String(items.length));
    }
  }

  function targetEvent(root) {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return null;
    var target = document.getElementById(id);
    return target && root.contains(target) && target.matches("li[data-actors]") ? target : null;
  }

  function revealTarget(root, form) {
    var target = targetEvent(root);
    if (target && target.hidden) {
      var cleared = { actor: "", kind: "", phase: "", status: "" };
      writeForm(form, cleared);
      apply(root, form, cleared);
      writeUrl(cleared);
      target.scrollIntoView();
    }
  }

  function setup(root) {
    var form = root.querySelector("form[data-cq-filter]");
    if (!form || form.getAttribute("data-cq-ready")) return;
    form.setAttribute("data-cq-ready", "true");
    form.hidden = false;

    writeForm(form, stateFromUrl());
    apply(root, form, readForm(form));
    revealTarget(root, form);

    form.addEventListener("change", function () {
      var state = readForm(form);
      apply(root, form, state);
      writeUrl(state);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.addEventListener("reset", function () {
      // The fields take their reset values only after this event.
      window.setTimeout(function () {
        var state = readForm(form);
        apply(root, form, state);
        writeUrl(state);
      }, 0);
    });
    window.addEventListener("hashchange", function () {
      revealTarget(root, form);
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-cq-timeline]"), setup);
  }

  // Material's instant navigation swaps pages without a reload and announces
  // each new page on `document$`; without it, run once the DOM is ready.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
