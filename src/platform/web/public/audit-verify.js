/* global window, document, fetch */
// Verify the audit chain in the browser. Progressive enhancement only: the "Verify" form on
// a process's audit page already leads to a server-side check; with JavaScript, its submit
// instead fetches the public chain page by page, recomputes every hash with WebCrypto and
// announces the result in the page's live region. No inline code: it runs under the CSP.
import { startState, verifyPage } from './audit-chain.js';

var PAGE = 500;

function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, function (_, k) {
    return params[k] === undefined ? '' : String(params[k]);
  });
}

async function run(box, status, button) {
  var msg = box.dataset;
  var state = startState(msg.processId);
  var after = 0;
  button.disabled = true;
  status.textContent = msg.msgWorking;
  try {
    for (;;) {
      var url = msg.chainUrl + '?chain=' + encodeURIComponent(msg.chain) + '&after=' + after + '&limit=' + PAGE;
      var res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      var page = await res.json();
      if (after === 0) state.prevHash = page.firstPrevHash;
      var r = await verifyPage(page.events, state);
      if (!r.ok) {
        status.textContent = fill(msg.msgBroken, { seq: r.brokenAt, reason: msg['reason_' + r.reason] || r.reason, count: state.count });
        box.classList.add('audit-verify--broken');
        return;
      }
      status.textContent = fill(msg.msgProgress, { count: state.count });
      if (page.next === null) break;
      after = Number(page.next);
    }
    status.textContent = fill(msg.msgOk, {
      count: state.count,
      withheld: state.withheld,
      processCount: state.processCount,
      head: state.prevHash === null ? '—' : state.prevHash,
    });
    box.classList.add('audit-verify--ok');
  } catch (err) {
    status.textContent = fill(msg.msgFailed, { error: err && err.message ? err.message : String(err) });
  } finally {
    button.disabled = false;
  }
}

var box = document.getElementById('audit-verify');
if (box) {
  var form = box.querySelector('form');
  var status = document.getElementById('audit-verify-status');
  var button = form && form.querySelector('button');
  if (form && status && button && window.crypto && window.crypto.subtle) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      void run(box, status, button);
    });
  }
}
