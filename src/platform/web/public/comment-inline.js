/* global window, document, fetch, DOMParser, Element */
// Comment beside the paragraph. Progressive enhancement only: every "Comment on this
// paragraph" link already leads to a working form page; with JavaScript, that page's form
// (id="comment-form") is fetched and shown right after the paragraph instead, and posts as an
// ordinary form. No dependencies, no inline code, nothing evaluated: it runs under the CSP.
(function () {
  'use strict';
  var open = null;

  function fallback(href) {
    window.location.assign(href);
  }

  function show(link, form) {
    if (open) open.remove();
    var block = link.closest('.doc-block') || link.parentElement;
    var holder = document.createElement('div');
    holder.className = 'comment-inline';
    holder.appendChild(form);
    block.insertAdjacentElement('afterend', holder);
    open = holder;
    var text = form.querySelector('textarea');
    if (text) text.focus();
  }

  function load(link) {
    var href = link.href;
    fetch(href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (res) {
        // Signed out, or anything unexpected: go to the page itself (it explains or asks to sign in).
        if (!res.ok || res.redirected) throw new Error('not inline');
        return res.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var form = page.getElementById('comment-form');
        if (!form) throw new Error('no form');
        show(link, document.importNode(form, true));
      })
      .catch(function () {
        fallback(href);
      });
  }

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('a[data-comment-anchor]') : null;
    if (!target || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    load(target);
  });
})();
