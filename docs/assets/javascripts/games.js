/* The game model's controls (overrides/chaiqiang/games): the same rules as the
 * Python package chaiqiang.games, function for function, with the families and
 * words from the block's JSON (tests/browser/test_games.py holds the two alike).
 * The built page already shows every preset and the replay; this adds the play. */
(function () {
  "use strict";

  if (window.chaiqiangGames) {
    return; // each block brings the script; the page runs it once
  }

  var MOVES = ["open", "block"];
  var CELLS = [[0, 0], [0, 1], [1, 0], [1, 1]];
  var GROUPS = { dominant: ["open", "block"], contingent: ["match", "oppose"] };

  // --- chaiqiang.games.model -------------------------------------------------

  function payoff(ranks, player, mine, theirs) {
    var cell = player === 0 ? [mine, theirs] : [theirs, mine];
    return ranks[cell[0]][cell[1]][player];
  }

  function bestReply(ranks, player, theirs) {
    return payoff(ranks, player, 0, theirs) > payoff(ranks, player, 1, theirs) ? 0 : 1;
  }

  function playerType(ranks, player) {
    var toOpen = bestReply(ranks, player, 0);
    var toBlock = bestReply(ranks, player, 1);
    if (toOpen === toBlock) {
      return MOVES[toOpen];
    }
    return toOpen === 0 ? "match" : "oppose";
  }

  function equilibria(ranks) {
    return CELLS.filter(function (c) {
      return bestReply(ranks, 0, c[1]) === c[0] && bestReply(ranks, 1, c[0]) === c[1];
    });
  }

  function dominates(ranks, a, b) {
    return [0, 1].every(function (p) {
      return ranks[a[0]][a[1]][p] > ranks[b[0]][b[1]][p];
    });
  }

  function lower(ranks, c) {
    return Math.min(ranks[c[0]][c[1]][0], ranks[c[0]][c[1]][1]);
  }

  function bestForBoth(ranks) {
    var optimal = CELLS.filter(function (a) {
      return !CELLS.some(function (b) {
        return dominates(ranks, b, a);
      });
    });
    var floor = Math.max.apply(null, optimal.map(function (c) {
      return lower(ranks, c);
    }));
    return optimal.filter(function (c) {
      return lower(ranks, c) === floor;
    });
  }

  function isDilemma(ranks) {
    return equilibria(ranks).some(function (eq) {
      return CELLS.some(function (b) {
        return dominates(ranks, b, eq);
      });
    });
  }

  function allowed(word) {
    return GROUPS[word] || [word];
  }

  function fits(pattern, types) {
    var a = allowed(pattern[0]);
    var b = allowed(pattern[1]);
    return (a.indexOf(types[0]) >= 0 && b.indexOf(types[1]) >= 0) ||
      (b.indexOf(types[0]) >= 0 && a.indexOf(types[1]) >= 0);
  }

  function matches(condition, types, dilemma) {
    if (condition.dilemma !== null && condition.dilemma !== undefined && condition.dilemma !== dilemma) {
      return false;
    }
    return fits(condition.types, types);
  }

  function analyse(ranks, families) {
    var types = [playerType(ranks, 0), playerType(ranks, 1)];
    var dilemma = isDilemma(ranks);
    var found = families.filter(function (f) {
      return f.when.some(function (c) {
        return matches(c, types, dilemma);
      });
    });
    if (found.length !== 1) {
      throw new Error("games.js: " + found.length + " families fit " + JSON.stringify(ranks));
    }
    return {
      types: types,
      equilibria: equilibria(ranks),
      best: bestForBoth(ranks),
      dilemma: dilemma,
      family: found[0].id
    };
  }

  // --- the sentences (chaiqiang.render.games) ---------------------------------

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function cellLabel(model, cell) {
    var t = model.t;
    if (cell[0] === cell[1]) {
      return t["games.cell." + MOVES[cell[0]] + "-" + MOVES[cell[1]]];
    }
    return format(t["games.cell"], {
      first: model.players[0],
      first_move: t["games.move." + MOVES[cell[0]]],
      second: model.players[1],
      second_move: t["games.move." + MOVES[cell[1]]]
    });
  }

  function why(model, ranks, analysis) {
    var t = model.t;
    var names = model.players;
    function quoted(cell) {
      return format(t["games.quoted"], { cell: cellLabel(model, cell) });
    }
    var parts = [0, 1].map(function (p) {
      return format(t["games.type." + analysis.types[p]], { player: names[p], other: names[1 - p] });
    });
    if (analysis.equilibria.length) {
      parts.push(format(t["games.stable"], { cells: analysis.equilibria.map(quoted).join(t["games.and"]) }));
    } else {
      parts.push(t["games.stable.none"]);
    }
    for (var i = 0; i < analysis.equilibria.length; i++) {
      var stable = analysis.equilibria[i];
      var better = CELLS.filter(function (b) {
        return dominates(ranks, b, stable);
      })[0];
      if (better) {
        parts.push(format(t["games.dilemma"], { better: quoted(better), stable: quoted(stable) }));
        break;
      }
    }
    return parts.reduce(function (a, b) {
      return format(t["games.then"], { first: a, next: b });
    });
  }

  // --- chaiqiang.games.repeated ----------------------------------------------

  function mulberry32(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = Math.imul(a ^ (a >>> 15), a | 1) >>> 0;
      t = ((t + Math.imul(t ^ (t >>> 7), t | 61)) >>> 0) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function decide(rule, mine, theirs, u) {
    var step = theirs.length ? rule.then : rule.first;
    if (step === "open" || step === "block") {
      return MOVES.indexOf(step);
    }
    if (step === "random") {
      return u < (rule.p_open === null || rule.p_open === undefined ? 0.5 : rule.p_open) ? 0 : 1;
    }
    if (step === "copy") {
      var after = rule.after || 1;
      var recent = theirs.slice(-after);
      return recent.length === after && recent.every(function (m) { return m === 1; }) ? 1 : 0;
    }
    if (step === "grim") {
      return theirs.indexOf(1) >= 0 ? 1 : 0;
    }
    throw new Error("games.js: unknown step " + step);
  }

  function play(ranks, rules, rounds, mistakePercent, seed) {
    var next = mulberry32(seed);
    var history = [[], []];
    var totals = [0, 0];
    var out = [];
    for (var n = 0; n < rounds; n++) {
      var choice = [next(), next()];
      var slip = [next(), next()];
      var moves = [];
      var slipped = [];
      for (var p = 0; p < 2; p++) {
        var move = decide(rules[p], history[p], history[1 - p], choice[p]);
        var wrong = slip[p] < mistakePercent / 100;
        moves.push(wrong ? 1 - move : move);
        slipped.push(wrong);
      }
      var points = [payoff(ranks, 0, moves[0], moves[1]), payoff(ranks, 1, moves[1], moves[0])];
      for (p = 0; p < 2; p++) {
        history[p].push(moves[p]);
        totals[p] += points[p];
      }
      out.push({ moves: moves, slipped: slipped, points: points, totals: totals.slice() });
    }
    return out;
  }

  function chartPoints(chart, rounds) {
    var top = Math.max.apply(null, [1].concat(rounds.map(function (r) {
      return Math.max(r.totals[0], r.totals[1]);
    })));
    var n = Math.max(rounds.length, 1);
    var width = chart.width - 2 * chart.pad;
    var height = chart.height - 2 * chart.pad;
    function point(i, total) {
      return (chart.pad + width * i / n).toFixed(1) + "," + (chart.pad + height - height * total / top).toFixed(1);
    }
    return [0, 1].map(function (p) {
      return [point(0, 0)].concat(rounds.map(function (r, i) {
        return point(i + 1, r.totals[p]);
      })).join(" ");
    });
  }

  // --- the page ----------------------------------------------------------------

  function readModel(form) {
    return JSON.parse(form.querySelector("script[data-games-model]").textContent);
  }

  function reveal(form) {
    var block = form.parentNode;
    var note = block.querySelector("[data-games-nojs]");
    if (note) {
      note.hidden = true;
    }
    form.hidden = false;
  }

  function sameRanks(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function explorer(form) {
    var model = readModel(form);
    var selects = form.querySelectorAll("select[data-player]");
    var preset = form.querySelector('[data-game="preset"]');

    function ranks() {
      var out = [[[0, 0], [0, 0]], [[0, 0], [0, 0]]];
      Array.prototype.forEach.call(selects, function (s) {
        var cell = s.getAttribute("data-cell");
        out[+cell[0]][+cell[1]][+s.getAttribute("data-player")] = +s.value;
      });
      return out;
    }

    function show() {
      var now = ranks();
      var a = analyse(now, model.families);
      var family = model.families.filter(function (f) { return f.id === a.family; })[0];
      CELLS.forEach(function (c) {
        var td = form.querySelector('[data-cell="' + c[0] + c[1] + '"].cq-game__cell');
        function has(list) {
          return list.some(function (x) { return x[0] === c[0] && x[1] === c[1]; });
        }
        td.querySelector('[data-mark="stable"]').hidden = !has(a.equilibria);
        td.querySelector('[data-mark="best"]').hidden = !has(a.best);
      });
      form.querySelector('[data-game="family"]').textContent = family.name;
      form.querySelector('[data-game="summary"]').textContent = family.summary;
      form.querySelector('[data-game="why"]').textContent = why(model, now, a);
      var known = model.presets.filter(function (p) { return sameRanks(p.ranks, now); })[0];
      preset.value = known ? known.id : "";
    }

    function remember() {
      Array.prototype.forEach.call(selects, function (s) {
        s.setAttribute("data-was", s.value);
      });
    }

    Array.prototype.forEach.call(selects, function (s) {
      s.addEventListener("change", function () {
        // A rank this side already gives another cell: the two cells swap.
        Array.prototype.forEach.call(selects, function (other) {
          if (other !== s && other.getAttribute("data-player") === s.getAttribute("data-player") &&
              other.value === s.value) {
            other.value = s.getAttribute("data-was");
          }
        });
        remember();
        show();
      });
    });
    preset.addEventListener("change", function () {
      var chosen = model.presets.filter(function (p) { return p.id === preset.value; })[0];
      if (!chosen) {
        return;
      }
      Array.prototype.forEach.call(selects, function (s) {
        var cell = s.getAttribute("data-cell");
        s.value = String(chosen.ranks[+cell[0]][+cell[1]][+s.getAttribute("data-player")]);
      });
      remember();
      show();
    });
    remember();
    show();
    reveal(form);
  }

  function whole(input, low, high, fallback) {
    var n = parseInt(input.value, 10);
    if (isNaN(n)) {
      return fallback;
    }
    return Math.min(high, Math.max(low, n));
  }

  function repeatedGame(form) {
    var model = readModel(form);
    var control = function (name) { return form.querySelectorAll('[data-repeated="' + name + '"]'); };
    var strategySelects = control("strategy");
    var presetSelect = control("preset")[0];
    var rounds = control("rounds")[0];
    var mistakes = control("mistakes")[0];
    var seed = control("seed")[0];
    var body = control("rows")[0];
    var row = control("row")[0];
    var summary = control("summary")[0];
    var lines = form.querySelectorAll("polyline[data-line]");
    var t = model.t;
    var names = model.players;

    function byId(list, id) {
      return list.filter(function (x) { return x.id === id; })[0];
    }

    function run() {
      var chosen = Array.prototype.map.call(strategySelects, function (s) { return s.value; });
      var preset = byId(model.presets, presetSelect.value);
      var settings = {
        rounds: whole(rounds, 1, 50, 10),
        mistakes: whole(mistakes, 0, 50, 0),
        seed: whole(seed, 0, 99999, 1)
      };
      var rules = chosen.map(function (id) { return byId(model.strategies, id).rule; });
      var played = play(preset.ranks, rules, settings.rounds, settings.mistakes, settings.seed);
      var replay = model.replay;
      var isReplay = sameRanks(chosen, replay.strategies) && preset.id === replay.preset &&
        settings.rounds === replay.rounds.length && settings.mistakes === 0 && settings.seed === replay.seed;
      body.textContent = "";
      played.forEach(function (r, i) {
        var tr = row.content.firstElementChild.cloneNode(true);
        var cells = tr.children;
        cells[0].textContent = isReplay ? replay.rounds[i] : String(i + 1);
        for (var p = 0; p < 2; p++) {
          cells[1 + p].textContent = t["games.move." + MOVES[r.moves[p]]] + (r.slipped[p] ? t["games.repeated.mistake"] : "");
          cells[3 + p].textContent = String(r.points[p]);
          cells[5 + p].textContent = String(r.totals[p]);
        }
        body.appendChild(tr);
      });
      var last = played[played.length - 1].totals;
      summary.textContent = format(t["games.repeated.summary"], {
        rounds: played.length,
        first: names[0],
        a: last[0],
        second: names[1],
        b: last[1],
        both_open: played.filter(function (r) { return r.moves[0] === 0 && r.moves[1] === 0; }).length,
        both_block: played.filter(function (r) { return r.moves[0] === 1 && r.moves[1] === 1; }).length,
        mistakes: played.reduce(function (n, r) { return n + (r.slipped[0] ? 1 : 0) + (r.slipped[1] ? 1 : 0); }, 0)
      });
      var points = chartPoints(model.chart, played);
      lines[0].setAttribute("points", points[0]);
      lines[1].setAttribute("points", points[1]);
    }

    Array.prototype.forEach.call(form.querySelectorAll("select"), function (s) {
      s.addEventListener("change", run);
    });
    [rounds, mistakes, seed].forEach(function (input) {
      input.addEventListener("input", run);
    });
    control("replay")[0].addEventListener("click", function () {
      Array.prototype.forEach.call(strategySelects, function (s, i) {
        s.value = model.replay.strategies[i];
      });
      presetSelect.value = model.replay.preset;
      rounds.value = String(model.replay.rounds.length);
      mistakes.value = "0";
      seed.value = String(model.replay.seed);
      run();
    });
    run();
    reveal(form);
  }

  // For the tests, which hold these to chaiqiang.games (tests/browser/test_games.py).
  window.chaiqiangGames = { analyse: analyse, why: why, play: play, mulberry32: mulberry32 };

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-games-explorer]"), explorer);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-games-repeated]"), repeatedGame);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
