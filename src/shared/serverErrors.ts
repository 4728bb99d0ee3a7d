// Where a server error is shown in the forms. Pure, so it is unit-tested without VS Code.
import type { ClassifiedError, ExplainedParts } from '../base/errors';
import { MAX_SERVER_MESSAGE, type Banner, type WireFieldError } from './protocol';
import type { RawUserGroups } from './schemas';

/**
 * The banner of an API error: our explanation; beneath it, as a line of its own, what DataWorks said (the page labels
 * it and sets it as text); then the code and request ID to quote to support, on their own line (so the message does
 * not repeat the request ID). Every text passes `redact`; every field is cut to what the protocol accepts.
 */
export function apiErrorBanner(failed: ClassifiedError, redact: (text: string) => string): Banner {
  const { message, serverMessage }: ExplainedParts = failed.parts ?? { message: failed.message };
  return {
    severity: 'error',
    message: redact(message).slice(0, 4000),
    ...(serverMessage ? { serverMessage: redact(serverMessage).slice(0, MAX_SERVER_MESSAGE) } : {}),
    ...(failed.code ? { code: failed.code.slice(0, 200) } : {}),
    ...(failed.requestId ? { requestId: failed.requestId.slice(0, 200) } : {}),
  };
}

/** What a field shows of a server error: the banner's explanation and, beneath it, what DataWorks said. */
export type ShownError = Pick<Banner, 'message' | 'serverMessage'>;

/** The error of one input, carrying the server's words apart so the page sets them as a line of their own. */
export function serverFieldError(path: string, shown: ShownError): WireFieldError {
  return { path, text: shown.message, ...(shown.serverMessage ? { serverMessage: shown.serverMessage } : {}) };
}

/**
 * Puts a server error on the row it concerns. The error names an input but not a row: with one row that is enough;
 * with several, the rows whose value the server message quotes; failing that, every row (one of them is wrong).
 */
export function serverFieldErrors(field: string, serverMessage: string, raw: RawUserGroups, shown: ShownError): WireFieldError[] {
  const input = field === 'id' ? 'name' : field;
  if (!['name', 'owner', 'accounts', 'projectName', 'type'].includes(input)) return [];
  const rows = raw.rows.map((_, i) => i);
  const quoted = rows.filter((i) => {
    const r = raw.rows[i];
    if (!r) return false;
    const values = input === 'accounts' ? r.accounts : [r[input as 'name' | 'owner' | 'projectName' | 'type']];
    return values.some((v) => v.trim() !== '' && serverMessage.includes(v.trim()));
  });
  const chosen = rows.length === 1 ? rows : quoted.length ? quoted : rows;
  return chosen.map((i) => serverFieldError(`groups.${i}.${input}`, shown));
}
