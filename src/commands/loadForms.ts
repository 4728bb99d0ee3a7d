import type * as Forms from '../webview/forms';

/**
 * The form hosts, their zod schemas and the protocol, evaluated when the first form opens rather than during
 * activation: esbuild keeps a dynamically imported module in the same bundle but runs it on first import.
 */
export const loadForms = (): Promise<typeof Forms> => import('../webview/forms');
