/* global window, document, fetch, DOMParser */
// A progress page, live. Without JavaScript such a page refreshes itself (a meta refresh inside
// <noscript>); with it, this fetches the same page every few seconds and updates it in place:
// the status line keeps its element, so a screen reader announces the change (role="status")
// and nothing moves the reader's focus or scroll. When the fetched page no longer asks to be
// refreshed (the work has ended), its whole main content replaces this one and polling stops.
// No inline code: it runs under the CSP.

var seconds = Number(document.body.dataset.liveRefresh) || 2;

function adopt(nodes) {
  return Array.prototype.slice.call(nodes).map(function (n) {
    return document.adoptNode(n);
  });
}

function swap(next) {
  var main = document.getElementById('main');
  var fresh = next.getElementById('main');
  if (!main || !fresh) return;
  document.title = next.title;
  var status = main.querySelector(':scope > [role="status"]');
  var freshStatus = fresh.querySelector(':scope > [role="status"]');
  if (!status || !freshStatus) {
    main.replaceChildren.apply(main, adopt(fresh.childNodes));
    return;
  }
  // The live region stays where it is, never re-inserted; only its words change, and the rest
  // of the page is replaced around it.
  if (status.textContent !== freshStatus.textContent) status.textContent = freshStatus.textContent;
  var kids = Array.prototype.slice.call(fresh.childNodes);
  var at = kids.indexOf(freshStatus);
  Array.prototype.slice.call(main.childNodes).forEach(function (n) {
    if (n !== status) n.remove();
  });
  status.before.apply(status, adopt(kids.slice(0, at)));
  status.after.apply(status, adopt(kids.slice(at + 1)));
}

async function tick() {
  var again = true;
  try {
    var res = await fetch(window.location.href, { credentials: 'same-origin', headers: { accept: 'text/html' }, cache: 'no-store' });
    if (res.ok) {
      var next = new DOMParser().parseFromString(await res.text(), 'text/html');
      swap(next);
      again = Boolean(next.body && next.body.dataset.liveRefresh);
      if (!again) delete document.body.dataset.liveRefresh;
    }
  } catch (e) {
    // A dropped connection: try again at the next tick, as the refresh would.
  }
  if (again) window.setTimeout(tick, seconds * 1000);
}

if (document.body.dataset.liveRefresh) window.setTimeout(tick, seconds * 1000);
