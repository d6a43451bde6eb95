// Runs in the head, before the body is parsed: a classic script, so that both decisions below are made
// before anything is painted, and before (or without) the page's own script.

// 1. The built page carries a prerendered first frame: step 1 of the default run, computed by the engine at
// build time (src/app/firstFrame.tsx). It is right only for the default settings, so it is shown only
// when the address has none; any setting in it (another cell, a later step, the lecture view...) may
// change what the first frame must show, and the page then says "Loading..." until it has rendered. The
// fragment counts too: the page reads settings there (a long text, see urlState.ts).
if (location.search === '' && location.hash === '') document.documentElement.setAttribute('data-first-frame', '');

// 2. If the page's own script or stylesheet can't be loaded, or the script fails as it starts, nothing
// else would ever replace the placeholder or the first frame (which looks like the page but does nothing),
// or the page would come up unstyled: the placeholder says so instead, and the page doesn't mount.
// main.tsx calls this too, for what fails once it runs.
window.gatescopeBootFailed = function (reason) {
  var root = document.documentElement;
  root.setAttribute('data-boot-failed', '');
  // The "Loading..." frame, not the first frame, carries the message.
  root.removeAttribute('data-first-frame');
  var status = document.getElementById('boot-status');
  if (!status) return;
  status.className = 'boot-status message message-error';
  status.setAttribute('role', 'alert');
  status.textContent = 'The page could not start (' + reason + '). Reload to try again.';
};

// A file that fails to load fires "error" at its element, which doesn't bubble: caught on the way down.
// Only the page's own files count (an extension's script blocked by the page's CSP is not the page's):
// the build's, under /assets/ (the site is served from /, vite.config.ts's default base).
addEventListener('error', function (e) {
  var el = e.target;
  var url = el instanceof HTMLScriptElement ? el.src : el instanceof HTMLLinkElement && el.rel === 'stylesheet' ? el.href : '';
  if (!url || !document.getElementById('boot-status')) return; // not a file, or the page is up
  var path = new URL(url, location.href);
  if (path.origin !== location.origin || path.pathname.indexOf('/assets/') !== 0) return;
  window.gatescopeBootFailed(path.pathname + ' did not load');
}, true);
