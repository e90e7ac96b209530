/*
 * Search: every word of a query counts, and pages with the whole phrase come first.
 *
 * The search index holds the words that jieba cut the pages into (see
 * hooks/chaiqiang/search). Material's worker cuts the Chinese part of a query
 * into index words itself, but drops the end of the last word (阿里媽媽 is
 * searched as 阿里) and marks its words so that they count as unmatched
 * (騰訊廣告 ranks pages by 廣告 alone, and highlights only that). This script
 * works in two places instead:
 *
 * 1. The query, before it reaches the worker. Each run of Han characters is
 *    cut by jieba's own method without its HMM (the most probable path through
 *    the words the run contains), with the index's words and their counts as
 *    the dictionary. The end of the query, if it starts an index word, is
 *    searched as the start of a word: the reader may still be typing it. For
 *    a query of two words or more:
 *    - every Han word is required (lunr's `+word`), unless no page has them
 *      all, or a page with the query's text would be lost because jieba cut it
 *      differently there; then any word will do;
 *    - every word but the last is searched whole (`word^1`: a neutral boost
 *      keeps Material from adding its `*`), so "mini" no longer matches
 *      "miniature"; the last word both whole and as a start ("free^1 free"), so
 *      pages with "free" outrank pages with "freedom";
 *    - Latin words are never required: lunr fails on a required English stop
 *      word ("of"), which the English index leaves out.
 *    Each Han word goes to the worker with its characters after the first
 *    escaped (淘\口\令): Material's own cut then sees single characters, which
 *    it leaves alone, and lunr's query parser drops the escapes.
 *
 * 2. The results, before Material renders them. For a query of two words or
 *    more, the pages that contain the whole phrase come first (its words in
 *    order, next to each other; Han text as typed, however jieba cut the page),
 *    then those with all its words, then the rest; in each group, in
 *    Material's order. Material's worker has no phrase search (lunr keeps no
 *    word order), so this is done here, with the index's text, and Material
 *    renders the reordered list as its own.
 *
 * A single word goes to Material as before (Han escaped), and a query with
 * lunr's syntax (+word, -word, "…", *, ~, ^, field:, \) is left as typed. The
 * index's words are read on the first query, not while the page loads. The
 * messages are those of Material's worker interface: the index (SETUP, 0),
 * each query (QUERY, 2) and its results (RESULT, 3), answered in order. The
 * script reads the index Material sends the worker and loads nothing; it works
 * the same with the iframe shim that stands in for the worker from file://.
 */
(function () {
  "use strict"

  var SETUP = 0
  var QUERY = 2
  var RESULT = 3
  var HAN = /\p{Script=Han}/u
  var HAN_WORD = /^\p{Script=Han}+$/u
  var HAN_OR_NOT = /\p{Script=Han}+|[^\p{Script=Han}]+/gu
  var LETTER = /[\p{L}\p{N}]/u
  var TAG = /<[^>]+>/g
  var ZWSP = /\u200b/g /* Material's mark between the words of Han text */
  var SYNTAX = /(^|\s)[+-]|[*~^:"\\]/

  var index = null /* the index, until the first query reads it */
  var words = null /* Han word -> count in the index */
  var starts = null /* every proper start of a Han word */
  var longest = 0
  var logTotal = 0
  var pages = null /* page location -> {tokens, text} */
  var separator = null
  var asked = [] /* per query sent, what its results are reordered by */

  function normal(text) {
    return text.replace(ZWSP, "").toLowerCase().split(separator).join(" ")
  }

  /* Each page's words as lunr has them (lower case, split where Material
   * splits), and its text as one string: a space between words, none between
   * Han characters. The Han words, with their counts, are the dictionary. */
  function learn() {
    separator = new RegExp(index.config.separator)
    words = new Map()
    starts = new Set()
    pages = new Map()
    longest = 0
    var texts = new Map() /* page location -> the text of its entries (page and sections) */
    index.docs.forEach(function (doc) {
      var page = doc.location.split("#")[0]
      texts.set(page, (texts.get(page) || "") + " " + (doc.title || "") + " " + (doc.text || ""))
    })
    var total = 0
    texts.forEach(function (text, location) {
      var raw = text.replace(TAG, " ").toLowerCase()
      var tokens = raw.split(separator)
      tokens.forEach(function (token) {
        if (!HAN_WORD.test(token)) return
        words.set(token, (words.get(token) || 0) + 1)
        total++
      })
      pages.set(location, { tokens: new Set(tokens), text: " " + normal(raw) + " " })
    })
    words.forEach(function (_, word) {
      var chars = Array.from(word)
      longest = Math.max(longest, chars.length)
      for (var n = 1; n < chars.length; n++) starts.add(chars.slice(0, n).join(""))
    })
    logTotal = Math.log(total || 1)
    index = null
  }

  /* jieba's cut without its HMM: of all ways to cut the run into index words
   * (or single characters, counted once), the most probable. */
  function cut(run) {
    var chars = Array.from(run)
    var n = chars.length
    var best = [], next = []
    best[n] = 0
    for (var i = n - 1; i >= 0; i--) {
      best[i] = -Infinity
      for (var j = i + 1; j <= Math.min(n, i + longest); j++) {
        var count = words.get(chars.slice(i, j).join(""))
        if (!count && j > i + 1) continue
        var score = Math.log(count || 1) - logTotal + best[j]
        if (score > best[i]) {
          best[i] = score
          next[i] = j
        }
      }
    }
    var pieces = []
    for (i = 0; i < n; i = next[i]) pieces.push(chars.slice(i, next[i]).join(""))
    return pieces
  }

  /* The query's words: {word, han, prefix}. `last` is a run the reader may
   * still be typing: its end is searched as the start of a word if it is one. */
  function split(query) {
    var list = []
    var parts = query.trim().split(separator).filter(Boolean)
    parts.forEach(function (part, p) {
      var runs = part.match(HAN_OR_NOT)
      runs.forEach(function (run, r) {
        var last = p === parts.length - 1 && r === runs.length - 1 && !/\s$/.test(query)
        if (!HAN.test(run)) {
          list.push({ word: run, han: false, prefix: last })
          return
        }
        var pieces = cut(run)
        for (var k = 0; last && k < pieces.length; k++) {
          var tail = pieces.slice(k).join("")
          if (starts.has(tail) && !words.has(tail)) {
            pieces = pieces.slice(0, k).concat([tail])
            break
          }
        }
        pieces.forEach(function (piece, k) {
          var prefix = last && k === pieces.length - 1 && !words.has(piece)
          list.push({ word: piece, han: true, prefix: prefix })
        })
      })
    })
    return list
  }

  function contains(page, item) {
    var word = item.word.toLowerCase()
    if (page.tokens.has(word)) return true
    if (!item.prefix) return false
    var found = false
    page.tokens.forEach(function (token) { found = found || token.indexOf(word) === 0 })
    return found
  }

  /* The phrase: the words in order, next to each other. Han text matches
   * anywhere (it has no spaces); other text from the start of a word. */
  function hasPhrase(page, phrase) {
    for (var at = page.text.indexOf(phrase); at >= 0; at = page.text.indexOf(phrase, at + 1)) {
      var before = page.text[at - 1]
      if (HAN.test(phrase[0]) || HAN.test(before) || !LETTER.test(before)) return true
    }
    return false
  }

  function escaped(word) {
    return Array.from(word).map(function (c, i) { return i ? "\\" + c : c }).join("")
  }

  /* The query for the worker, and what to reorder its results by. */
  function rewrite(query) {
    if (index) learn()
    if (!words || SYNTAX.test(query) || !query.trim()) return { query: query }
    var list = split(query)
    if (list.length < 2) {
      var only = list[0]
      return { query: only && only.han ? escaped(only.word) : query }
    }
    var han = list.filter(function (item) { return item.han })
    var phrase = normal(query.trim()) + (/\s$/.test(query) ? " " : "")
    var all = 0, lost = 0
    if (han.length) pages.forEach(function (page) {
      var every = han.every(function (item) { return contains(page, item) })
      all += every
      lost += !every && hasPhrase(page, phrase)
    })
    var required = all > 0 && !lost
    var terms = list.map(function (item) {
      var word = item.han ? escaped(item.word) : item.word
      if (item.han && required) return "+" + word + (item.prefix ? "*" : "")
      if (!item.prefix) return word + "^1"
      /* The last word as typed, and as the start of longer words: the first
       * counts twice, so "free" outranks "freedom" for password-free. */
      return item.han ? word : word + "^1 " + word
    })
    return { query: terms.join(" "), rank: { phrase: phrase, list: list } }
  }

  /* Pages with the phrase, then pages with every word, then the rest. */
  function reorder(items, rank) {
    return items
      .map(function (group, i) {
        var page = pages.get(group[0].location.split("#")[0])
        var tier = !page ? 2
          : hasPhrase(page, rank.phrase) ? 0
          : rank.list.every(function (item) { return contains(page, item) }) ? 1 : 2
        return { tier: tier, i: i, group: group }
      })
      .sort(function (a, b) { return a.tier - b.tier || a.i - b.i })
      .map(function (entry) { return entry.group })
  }

  /* Material's search listens to the worker's messages (addEventListener, as
   * soon as Material's bundle runs: this script is loaded before it). Each
   * listener is wrapped so that a result is reordered, once, before Material
   * reads it. */
  var Worker = window.Worker
  if (!Worker || !Worker.prototype || !Worker.prototype.postMessage) return
  var proto = Worker.prototype
  var post = proto.postMessage
  var listen = proto.addEventListener
  var unlisten = proto.removeEventListener
  var wrapped = new WeakMap() /* a listener -> the wrapper that calls it */
  var done = new WeakSet() /* results already reordered */

  function reordered(event) {
    var data = event.data
    if (data && data.type === RESULT && !done.has(data)) {
      done.add(data)
      var rank = asked.shift()
      var result = data.data
      if (rank && result && Array.isArray(result.items) && result.items.length > 1)
        result.items = reorder(result.items, rank)
    }
    return event
  }

  proto.addEventListener = function (type, listener, options) {
    var own = listener
    if (type === "message" && typeof own === "function") {
      if (!wrapped.has(own))
        wrapped.set(own, function (event) { return own.call(this, reordered(event)) })
      listener = wrapped.get(own)
    }
    return listen.call(this, type, listener, options)
  }
  proto.removeEventListener = function (type, listener, options) {
    return unlisten.call(this, type, (type === "message" && wrapped.get(listener)) || listener, options)
  }

  /* Material sends the index to its worker as the page loads; copying it
   * there holds the main thread for a moment (about 100 ms on a slow phone),
   * and most readers never search. So the index waits until the reader opens
   * the search (its toggle, which Material sets on focus, click and keyboard
   * shortcut), as Material itself waits from file://. Queries typed before the
   * worker is ready are held by Material and sent when it is. */
  var toggle = document.getElementById("__search")
  var held = null /* the worker and the index message, until search opens */
  var waiting = [] /* the index's request, until search opens */

  function release() {
    var requests = waiting
    waiting = []
    requests.forEach(function (request) { request() })
    if (!held) return
    var message = held
    held = null
    post.apply(message.worker, message.args)
  }
  if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) release() })

  /* The index itself (55-75 kB compressed, parsed on the main thread) is not
   * even requested until then: Material asks for it with XMLHttpRequest as the
   * page loads, and the request is sent when the reader opens the search. */
  var XHR = window.XMLHttpRequest
  if (XHR && XHR.prototype && toggle && location.protocol !== "file:") {
    var open = XHR.prototype.open
    var send = XHR.prototype.send
    var INDEX = /\/search\/search_index\.json(?:[?#]|$)/
    var isIndex = new WeakSet()
    XHR.prototype.open = function (method, url) {
      if (INDEX.test(String(url))) isIndex.add(this)
      return open.apply(this, arguments)
    }
    XHR.prototype.send = function () {
      if (isIndex.has(this) && !toggle.checked) {
        var request = this, args = arguments
        waiting.push(function () { send.apply(request, args) })
        return
      }
      return send.apply(this, arguments)
    }
  }

  proto.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments)
    if (message && message.type === SETUP && message.data && message.data.docs) {
      index = message.data
      if (toggle && !toggle.checked && location.protocol !== "file:") {
        held = { worker: this, args: args }
        return
      }
    } else if (message && message.type === QUERY && typeof message.data === "string") {
      var sent = { query: message.data }
      try {
        sent = rewrite(message.data)
      } catch (error) {
        /* never lose the reader's query: send it as typed */
      }
      asked.push(sent.rank || null)
      args[0] = { type: QUERY, data: sent.query }
    }
    return post.apply(this, args)
  }
})()
