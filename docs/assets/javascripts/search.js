/*
 * Search: let Material find the last word of a Chinese query.
 *
 * The search index holds the words that jieba cut the pages into (see
 * hooks/chaiqiang/search). Material's search worker splits the Chinese part of
 * a query into those words itself, but only looks at pieces that end before
 * the query's last character: 阿里媽媽 becomes 阿里 and the search finds every
 * page about Alibaba instead of the one about Alimama; 工信部 only works
 * because no shorter word starts it.
 *
 * This script adds one character after each run of Han characters that starts
 * with a word of the index, before the query reaches the worker. Material then
 * looks at every piece up to the run's real end and drops the added character,
 * which is never part of a piece. A run that no word starts (the first
 * characters of a word still being typed) is left alone: Material then
 * searches it as the start of a word, as before. If Material stops ignoring
 * the last character, the added one is dropped all the same, and this script
 * changes nothing. The index's words are read on the first query, not while
 * the page loads.
 *
 * The messages are those of Material's documented worker interface: the
 * index (SETUP, 0) and each query (QUERY, 2). The script only reads the index
 * and rewrites queries; it loads nothing.
 */
(function () {
  "use strict"

  var SETUP = 0
  var QUERY = 2
  var HAN_RUN = /\p{Script=Han}+/gu
  var HAN_WORD = /^\p{Script=Han}+$/u
  var FILLER = "\u3007" /* 〇, a Han character Material never looks at in this place */

  var words = new Set()
  var longest = 0
  var unread = null /* the index, until the first query needs its words */

  function learn(index) {
    words = new Set()
    longest = 0
    var separator = new RegExp(index.config.separator)
    index.docs.forEach(function (doc) {
      [doc.title, doc.text].forEach(function (field) {
        if (typeof field !== "string") return
        field.split(separator).forEach(function (token) {
          if (HAN_WORD.test(token)) {
            words.add(token)
            longest = Math.max(longest, token.length)
          }
        })
      })
    })
  }

  function startsWithWord(run) {
    for (var n = Math.min(run.length, longest); n > 0; n--)
      if (words.has(run.slice(0, n))) return true
    return false
  }

  function rewrite(query) {
    if (unread) {
      learn(unread)
      unread = null
    }
    return query.replace(HAN_RUN, function (run) {
      return startsWithWord(run) ? run + FILLER : run
    })
  }

  var Worker = window.Worker
  if (!Worker || !Worker.prototype || !Worker.prototype.postMessage) return
  var post = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments)
    if (message && message.type === SETUP && message.data && message.data.docs) {
      /* Read the words on the first query, not while the page loads. */
      unread = message.data
    } else if (message && message.type === QUERY && typeof message.data === "string") {
      args[0] = { type: QUERY, data: rewrite(message.data) }
    }
    return post.apply(this, args)
  }
})()
