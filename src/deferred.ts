// The entry of dist/deferred.js: the code activation does not need — the API layer (services, response schemas,
// errors) and the form hosts with their protocol schemas. dist/extension.js reaches it only through the dynamic
// imports `import('./api')` and `import('…/webview/forms')`, which esbuild.js points here, so it is read from disk
// and compiled on the first API call or the first form, not during activation. One chunk for both, so that the
// classes they share (DataWorksError above all) exist once.
export * from './api';
export * from './webview/forms';
