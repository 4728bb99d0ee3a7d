import type * as Forms from './forms';

/**
 * The form hosts, from dist/deferred.js: loaded and evaluated when the first form opens, not during activation.
 * An activation shim (esbuild.js SHELL): dist/extension.js carries it for the serializers and dist/core.js a copy
 * for the commands; both become a require of ./deferred.js.
 */
export const loadForms = (): Promise<typeof Forms> => import('../deferred').then((m) => m.loadForms());
