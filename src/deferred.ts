// The entry of dist/deferred.js: the code activation does not need. dist/extension.js reaches it only through
// `import('./deferred')` (esbuild.js turns that into a require of the chunk and fails the build on any static
// import of this code), so it is read and compiled on the first API call or form, or in the background once the
// explorer is shown (src/tree/apiPreload.ts), never during activation.
// The API layer is evaluated with the chunk; the form hosts and their protocol schemas only when a form opens, so
// that the first tree expansion does not build them. One chunk for both, so the classes they share (DataWorksError
// above all) exist once.
import { createDataWorksService, defaultLoadTransport } from './api';
import type * as Forms from './webview/forms';

export { createDataWorksService };
// Recent Operations: the write recorder (around the API layer's services), the file's parser, the prefill parser
// and the aliyun CLI command of Show Request.
export { recordWrites } from './api';
export { parseOperationEntry, parseOperationsFile, parsePrefill } from './shared/operationCodec';
export { aliyunCliCommand } from './shared/requests';
// User groups as code: the file's parser, for the diagnostics in dist/core.js (src/services/groupsFileDiagnostics.ts).
export { locateInGroupsFile, parseGroupsFile } from './shared/groupsFileText';

/** Reads and compiles the SDK (dist/api.js) ahead of the first call: the module only, no client, no credentials. */
export const loadApiCode = (): Promise<void> => defaultLoadTransport().then(() => undefined);

export const loadForms = (): Promise<typeof Forms> => import('./webview/forms');
// The language model tools' input schemas and result text (src/commands/lmTools.ts runs the tools).
export * as lmTools from './shared/lmTools';
