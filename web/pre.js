// pre.js - runs inside the module before Emscripten's own code.
// The WebAssembly is inlined in the page as a data: URL.  With no fetch()
// in the module's scope, Emscripten decodes it directly instead of
// requesting that URL, a request the page's Content-Security-Policy
// forbids (connect-src 'none').
var fetch = undefined;
