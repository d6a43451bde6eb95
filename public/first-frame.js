// The built page carries a prerendered first frame: step 1 of the default run, computed by the engine at
// build time (src/app/firstFrame.tsx). It is right only for the default settings, so it is shown only
// when the address has none; any setting in it (another cell, a later step, the lecture view...) may
// change what the first frame must show, and the page then says "Loading..." until it has rendered.
// A classic script in the head, so that this is decided before anything is painted.
if (location.search === '') document.documentElement.setAttribute('data-first-frame', '');
