// Runs in the head, before the body is parsed: a classic script, so that both decisions below are made
// before anything is painted, and before (or without) the page's own script.

// 1. The built page carries a prerendered first frame: step 1 of the default run, computed by the engine at
// build time (src/app/firstFrame.tsx). It is right only for the default settings, so it is shown only
// when the address has none; any setting in it (another cell, a later step, the lecture view...) may
// change what the first frame must show, and the page then says "Loading..." until it has rendered.
if (location.search === '') document.documentElement.setAttribute('data-first-frame', '');

// 2. If the page's script can't be loaded or fails as it starts, nothing else would ever replace the placeholder or the first
// frame, which looks like the page but does nothing: the placeholder then says so. main.tsx calls this too,
// for the page's chunk that it imports itself.
window.gatescopeBootFailed = function (reason) {
  // The "Loading..." frame, not the first frame, carries the message.
  document.documentElement.removeAttribute('data-first-frame');
  var status = document.getElementById('boot-status');
  if (!status) return;
  status.className = 'boot-status message message-error';
  status.setAttribute('role', 'alert');
  status.textContent = 'The page could not start (' + reason + '). Reload to try again.';
};

// A script that fails to load fires "error" at its element, which doesn't bubble: caught on the way down.
addEventListener('error', function (e) {
  var el = e.target;
  if (!(el instanceof HTMLScriptElement) || !el.src || !document.getElementById('boot-status')) return;
  window.gatescopeBootFailed(new URL(el.src).pathname + ' did not load');
}, true);
