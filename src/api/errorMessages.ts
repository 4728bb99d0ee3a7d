// User-facing texts for the documented error codes, in English and Simplified Chinese.
// Kept apart from errors.ts so the table can grow without touching the error type.

import type { CreateVerdict, DataWorksErrorKind, Locale } from './errors';

interface Text { readonly en: string; readonly zh: string }

interface ErrorLike {
  readonly code: string;
  readonly kind: DataWorksErrorKind;
  readonly message: string;
  /** What the server's answer said, when the error came from one that said something. */
  readonly serverMessage?: string;
  readonly requestId?: string;
  readonly createVerdict?: CreateVerdict;
}

/** Our explanation, and the server's own words when they add something to it (see userMessageParts). */
export interface UserMessageParts {
  readonly message: string;
  readonly serverMessage?: string;
}

const BY_CODE: Readonly<Record<string, Text>> = {
  'Forbidden.Access': {
    en: 'Access is forbidden: this DataWorks edition does not include the operation. Upgrade the workspace region to DataWorks Enterprise Edition or higher, or ask your administrator.',
    zh: '禁止访问：当前 DataWorks 版本不支持此操作。请将该地域升级到 DataWorks 企业版或更高版本，或联系管理员。',
  },
  'Forbidden.RAM': {
    en: 'The RAM user or role lacks permission for this operation. Ask an administrator to grant the DataWorks (and API Gateway) RAM policy.',
    zh: '当前 RAM 用户或角色没有此操作的权限。请联系管理员授予 DataWorks（及 API 网关）的 RAM 权限策略。',
  },
  'USERGROUP.ACCOUNTLISTSIZE.ERROR': {
    en: 'The user group has too many accounts. Remove some accounts and try again.',
    zh: '用户组中的账号数量超过上限。请移除部分账号后重试。',
  },
  'USERGROUP.ID.ERROR': {
    en: 'The user group does not exist or does not belong to this tenant. Refresh the list and try again.',
    zh: '用户组不存在或不属于当前租户。请刷新列表后重试。',
  },
  'USERGROUP.LISTSIZE.ERROR': {
    en: 'Too many user groups in one request. Save fewer groups at a time.',
    zh: '单次请求中的用户组数量超过上限。请分批保存。',
  },
  'USERGROUP.PAGESIZE.ERROR': {
    en: 'The page size is too large (at most 100).',
    zh: '分页大小过大（最大 100）。',
  },
  'USERACCOUNT.OWNER.ERROR': {
    en: 'The owner or one of the accounts does not exist. Pick them from the list of tenant users.',
    zh: '负责人或部分账号不存在。请从租户用户列表中选择。',
  },
  'PARAMS.ERROR': {
    en: 'DataWorks rejected the parameters. Check the values and try again.',
    zh: 'DataWorks 拒绝了请求参数。请检查填写的值后重试。',
  },
  'PERMISSION.DENIED.ERROR': {
    en: 'Permission denied. Data Security Guard needs DataWorks Professional Edition or higher and the matching role.',
    zh: '权限不足。数据保护伞需要 DataWorks 专业版或更高版本，以及相应的角色权限。',
  },
  InvalidRegion: {
    en: 'The region ID is not valid: a region ID has only lower-case letters, digits and dashes (for example cn-hangzhou). Nothing was sent. Pick the region again.',
    zh: '地域 ID 无效：地域 ID 只能包含小写字母、数字和连字符（例如 cn-hangzhou）。请求未发送。请重新选择地域。',
  },
  InsecureEndpoint: {
    en: 'The endpoint override uses plain http to another machine, which would send the AccessKey ID, the signature and any security token unencrypted. Use https://, or http:// only to localhost, 127.0.0.1 or [::1]. Nothing was sent.',
    zh: '终端节点覆盖设置对其他主机使用了明文 http，这会以未加密的方式发送 AccessKey ID、签名和安全令牌。请使用 https://，http:// 仅允许用于 localhost、127.0.0.1 或 [::1]。请求未发送。',
  },
  InvalidProxy: {
    en: 'The proxy setting cannot be used: it must be an http:// or https:// URL (http.proxy, HTTPS_PROXY or HTTP_PROXY). Nothing was sent.',
    zh: '代理设置无法使用：必须是 http:// 或 https:// 地址（http.proxy、HTTPS_PROXY 或 HTTP_PROXY）。请求未发送。',
  },
  ProxyAuthenticationRequired: {
    en: 'The proxy asked for credentials and refused the request. Check the user name and password in the proxy setting (http.proxy or HTTPS_PROXY).',
    zh: '代理服务器要求身份验证并拒绝了请求。请检查代理设置（http.proxy 或 HTTPS_PROXY）中的用户名和密码。',
  },
  'UNKNOWN.ERROR': {
    en: 'DataWorks reported an unknown error. Try again later.',
    zh: 'DataWorks 返回了未知错误。请稍后重试。',
  },
  'InvalidAccessKeyId.NotFound': {
    en: 'The AccessKey ID was not found. Check the credentials of this profile.',
    zh: '找不到该 AccessKey ID。请检查此配置的凭证。',
  },
  SignatureDoesNotMatch: {
    en: 'The signature does not match: the AccessKey secret is probably wrong. Check the credentials of this profile.',
    zh: '签名不匹配：AccessKey Secret 可能有误。请检查此配置的凭证。',
  },
  'InvalidTimeStamp.Expired': {
    en: 'The request time is out of range. Check that the system clock is correct.',
    zh: '请求时间戳已过期。请检查系统时钟是否准确。',
  },
  SignatureNonceUsed: {
    en: 'The request was rejected as a replay. Try again.',
    zh: '请求被判定为重放。请重试。',
  },
  'InvalidAction.NotFound': {
    en: 'This operation is not available at the endpoint. Check the region and endpoint settings.',
    zh: '该端点不支持此操作。请检查地域和端点设置。',
  },
  MissingParameter: {
    en: 'A required parameter is missing.',
    zh: '缺少必填参数。',
  },
  InvalidParameter: {
    en: 'A parameter value is invalid.',
    zh: '参数值无效。',
  },
  InvalidCredentials: {
    en: 'No credentials are configured. Set an AccessKey ID and secret for this profile.',
    zh: '未配置凭证。请为此配置设置 AccessKey ID 和 Secret。',
  },
};

const BY_PREFIX: readonly (readonly [string, Text])[] = [
  ['Throttling', {
    en: 'DataWorks is limiting the request rate for this account. Wait a moment and try again.',
    zh: 'DataWorks 正在限制此账号的请求频率。请稍候再试。',
  }],
  ['InternalError', {
    en: 'DataWorks had an internal error. Try again later.',
    zh: 'DataWorks 内部错误。请稍后重试。',
  }],
  ['InvalidSecurityToken', {
    en: 'The STS security token is invalid or has expired. Refresh the temporary credentials.',
    zh: 'STS 安全令牌无效或已过期。请更新临时凭证。',
  }],
  ['MissingParameter', BY_CODE['MissingParameter'] ?? { en: '', zh: '' }],
  ['InvalidParameter', BY_CODE['InvalidParameter'] ?? { en: '', zh: '' }],
];

const BY_KIND: Readonly<Record<DataWorksErrorKind, Text>> = {
  network: {
    en: 'Could not reach DataWorks. Check the network connection and proxy settings.',
    zh: '无法连接 DataWorks。请检查网络连接和代理设置。',
  },
  timeout: {
    en: 'DataWorks did not answer in time. Try again.',
    zh: 'DataWorks 响应超时。请重试。',
  },
  cancelled: { en: 'The request was cancelled.', zh: '请求已取消。' },
  'unexpected-response': {
    en: 'DataWorks sent a response this extension does not understand.',
    zh: 'DataWorks 返回了无法识别的响应。',
  },
  throttled: BY_PREFIX[0]?.[1] ?? { en: '', zh: '' },
  api: { en: 'DataWorks rejected the request.', zh: 'DataWorks 拒绝了该请求。' },
};

const VERDICT: Readonly<Record<CreateVerdict, Text>> = {
  created: { en: 'It was created anyway.', zh: '但实际上已创建成功。' },
  'not-created': { en: 'Nothing was created; it is safe to try again.', zh: '未创建任何内容，可以安全重试。' },
  unknown: {
    en: 'It is not known whether it was created: refresh the list before trying again.',
    zh: '无法确定是否已创建：请先刷新列表再重试。',
  },
};

function ownText(code: string): Text | undefined {
  return Object.prototype.hasOwnProperty.call(BY_CODE, code) ? BY_CODE[code] : undefined;
}

/** Our own text for the error; undefined when we have none and the server's message has to stand in. */
function ownTextFor(e: ErrorLike): Text | undefined {
  if (e.kind === 'network' || e.kind === 'timeout' || e.kind === 'cancelled' || e.kind === 'unexpected-response') {
    return BY_KIND[e.kind];
  }
  // Own keys only: a server code such as "constructor" or "toString" must not find Object.prototype's members
  // (found by test/unit/fuzz: userMessage() returned undefined).
  return ownText(e.code) ?? ownText(e.code.toUpperCase()) ?? BY_PREFIX.find(([p]) => e.code.startsWith(p))?.[1];
}

function textFor(e: ErrorLike): Text {
  // An undocumented code: the server's own message is the best we have.
  return ownTextFor(e) ?? { en: `${BY_KIND[e.kind].en} ${e.message}`, zh: `${BY_KIND[e.kind].zh}${e.message}` };
}

const SERVER_SAID: Text = { en: 'DataWorks said:', zh: 'DataWorks 返回：' };
/** A server message is one line of plain text, and a page of it helps nobody. */
const MAX_SERVER_MESSAGE = 1000;

/**
 * The server's own words, when it sent some and our text does not already say them: a known code's text is general
 * ("A parameter value is invalid."), while the server names the parameter and the rule. For an unknown code they
 * already are the main text. Whitespace is folded so that the text stays one line.
 */
function serverMessageFor(e: ErrorLike, own: Text | undefined): string | undefined {
  if (!own || e.serverMessage === undefined) return undefined;
  const s = e.serverMessage.replace(/\s+/g, ' ').trim();
  if (s === '' || [own.en, own.zh].some((t) => t.trim().toLowerCase() === s.toLowerCase())) return undefined;
  return s.length > MAX_SERVER_MESSAGE ? `${s.slice(0, MAX_SERVER_MESSAGE - 1)}…` : s;
}

/** What a form shows as separate lines: our explanation (with the create verdict) and the server's message. */
export function userMessagePartsFor(e: ErrorLike, locale: Locale): UserMessageParts {
  const zh = locale === 'zh-cn';
  const own = ownTextFor(e);
  const t = own ?? textFor(e);
  let message = zh ? t.zh : t.en;
  if (e.createVerdict) message += zh ? VERDICT[e.createVerdict].zh : ` ${VERDICT[e.createVerdict].en}`;
  const serverMessage = serverMessageFor(e, own);
  return serverMessage === undefined ? { message } : { message, serverMessage };
}

/** All of it on one line (notifications, tree nodes, logs): ours, then the server's words, then the request ID. */
export function userMessageFor(e: ErrorLike, locale: Locale): string {
  const zh = locale === 'zh-cn';
  const parts = userMessagePartsFor(e, locale);
  let s = parts.message;
  if (parts.serverMessage !== undefined) s += zh ? `${SERVER_SAID.zh}${parts.serverMessage}` : ` ${SERVER_SAID.en} ${parts.serverMessage}`;
  if (e.requestId) s += zh ? `（请求 ID：${e.requestId}）` : ` (request ID ${e.requestId})`;
  return s;
}
