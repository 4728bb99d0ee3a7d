import type * as Forms from '../webview/forms';

/** The form hosts, from dist/deferred.js: loaded and evaluated when the first form opens, not during activation. */
export const loadForms = (): Promise<typeof Forms> => import('../deferred').then((m) => m.loadForms());
