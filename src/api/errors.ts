import { rejectedCredential, type Locale } from '../base/errors';
import { userMessageFor, userMessagePartsFor, type UserMessageParts } from './errorMessages';

export type { UserMessageParts } from './errorMessages';

export type DataWorksErrorKind = 'api' | 'network' | 'timeout' | 'cancelled' | 'unexpected-response' | 'throttled';

/** After a create failed ambiguously: what the layer found out about whether it happened anyway. */
export type CreateVerdict = 'created' | 'not-created' | 'unknown';

export type { Locale } from '../base/errors';

export interface DataWorksErrorInit {
  readonly action: string;
  readonly kind: DataWorksErrorKind;
  readonly code: string;
  readonly message: string;
  /** The message of the server's answer, as it sent it (redacted); absent when no answer said anything. */
  readonly serverMessage?: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
  readonly retryable?: boolean;
  readonly createVerdict?: CreateVerdict;
  readonly field?: string;
  readonly cause?: unknown;
}

/** The only error the API layer raises. Its message is safe to log and show: no credentials, no signed URLs. */
export class DataWorksError extends Error {
  override readonly name = 'DataWorksError';
  readonly action: string;
  readonly kind: DataWorksErrorKind;
  readonly code: string;
  /**
   * What the server's answer said (redacted), kept apart from `message`: only this is ever labelled as the
   * server's words; errors raised on this side (a bad proxy setting, a rejected input) have none.
   */
  readonly serverMessage?: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
  readonly retryable: boolean;
  readonly createVerdict?: CreateVerdict;
  /** The input this error concerns, so a form can show it next to that field. */
  readonly field?: string;

  constructor(init: DataWorksErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.action = init.action;
    this.kind = init.kind;
    this.code = init.code;
    this.serverMessage = init.serverMessage;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.retryable = init.retryable ?? false;
    this.createVerdict = init.createVerdict;
    this.field = init.field ?? fieldForCode(init.code) ?? fieldFromParameterMessage(init.code, init.message)
      ?? fieldFromNumericCodeMessage(init.code, init.message);
  }

  /** A copy carrying what a create lookup found out. */
  withVerdict(createVerdict: CreateVerdict): DataWorksError {
    return new DataWorksError({ ...this.init(), createVerdict });
  }

  /**
   * What to tell the user, in their language, on one line: what happened and what to do, then what the server said
   * (when it adds to that) and the request ID.
   */
  userMessage(locale: Locale): string {
    return userMessageFor(this, locale);
  }

  /** The same as separate parts, for a form that shows the server's words on a line of their own. */
  userMessageParts(locale: Locale): UserMessageParts {
    return userMessagePartsFor(this, locale);
  }

  private init(): DataWorksErrorInit {
    return {
      action: this.action, kind: this.kind, code: this.code, message: this.message, serverMessage: this.serverMessage,
      httpStatus: this.httpStatus,
      requestId: this.requestId, retryable: this.retryable, createVerdict: this.createVerdict, field: this.field,
      cause: this.cause,
    };
  }
}

export function isDataWorksError(e: unknown): e is DataWorksError {
  return e instanceof DataWorksError;
}

const WIRE_PARAM_TO_FIELD: Readonly<Record<string, string>> = {
  GroupName: 'name', Name: 'name', Description: 'description', ApiGatewayGroupId: 'apiGatewayGroupId',
  ProjectId: 'projectId', Owner: 'owner', Accounts: 'accounts', ProjectName: 'projectName',
};

/** Gateway parameter errors name the wire parameter in quotes or as the first word of the message. */
function fieldFromParameterMessage(code: string, message: string): string | undefined {
  if (!/^(MissingParameter|InvalidParameter)/.test(code)) return undefined;
  const suffix = code.split('.')[1];
  const named = suffix ?? /"([A-Za-z]+)"/.exec(message)?.[1];
  // Own keys only, so that a code like "InvalidParameter.constructor" cannot yield Object.prototype's members.
  return named === undefined || !Object.prototype.hasOwnProperty.call(WIRE_PARAM_TO_FIELD, named) ? undefined : WIRE_PARAM_TO_FIELD[named];
}

/**
 * DSG may answer numeric codes ("1029030003") whose meaning no source documents, so the code tells nothing; the
 * server's message may still name the input. Checked in this order, so "User list or owner user does not exist"
 * lands on the owner as USERACCOUNT.OWNER.ERROR does. "user groups" in prose names no input; `UserGroups`, the
 * wire parameter, names the whole list.
 */
const NUMERIC_CODE_MESSAGE_FIELDS: readonly (readonly [RegExp, string])[] = [
  [/\bowner\b/i, 'owner'],
  [/\baccounts?\b/i, 'accounts'],
  [/\bUserGroupType\b/, 'type'],
  [/\bProjectName\b/, 'projectName'],
  [/\bUserGroups\b/, 'userGroups'],
  [/\bIds?\b|\bID\b/, 'id'],
];

function fieldFromNumericCodeMessage(code: string, message: string): string | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return NUMERIC_CODE_MESSAGE_FIELDS.find(([re]) => re.test(message))?.[1];
}

/** Server codes that point at one input of the forms. Field names are the input property names. */
function fieldForCode(code: string): string | undefined {
  const c = code.toUpperCase();
  if (c === 'USERGROUP.ID.ERROR') return 'id';
  if (c === 'USERACCOUNT.OWNER.ERROR') return 'owner';
  if (c === 'USERGROUP.ACCOUNTLISTSIZE.ERROR') return 'accounts';
  if (c.includes('GROUPNAME') || c.startsWith('USERGROUP.NAME') || c.includes('NAME.DUPLICATE') || c.includes('DUPLICATENAME')) {
    return 'name';
  }
  if (c.includes('APIGATEWAY') || c.includes('APIGROUP')) return 'apiGatewayGroupId';
  if (c.includes('PROJECT')) return 'projectId';
  // Credential errors, for the Add Profile flow that verifies keys with a first call.
  return rejectedCredential(code);
}
