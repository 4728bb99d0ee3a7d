import * as vscode from 'vscode';
import { DEFAULT_CACHE_TTL_SECONDS, DEFAULT_REQUESTS_PER_SECOND, Settings } from '../constants';
import type { ServiceSettings } from './serviceProvider';

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(Settings.section);
}

/**
 * The user's own value, else the default. A folder's .vscode/settings.json must not be able to change where or how
 * signed requests go (endpoint, VPC) or how hard the account's API quota is used (rate, cache); the settings are also
 * application-scoped and restricted in untrusted workspaces, this is the second lock.
 */
function userValue<T>(key: string, fallback: T): T {
  return config().inspect<T>(key)?.globalValue ?? fallback;
}

/** The extension's settings, read on each use so a change applies without a reload. */
export const settings: Required<ServiceSettings> & { readonly cacheTtlMs: () => number; readonly languageModelToolsEnabled: () => boolean } = {
  // Only the user's own value: a workspace's settings.json must not be able to send signed requests elsewhere
  // (the setting is also declared application-scoped, this is the second lock).
  endpointOverride: () => config().inspect<string>(Settings.endpointOverride)?.globalValue?.trim() || undefined,
  useVpcEndpoint: () => userValue<boolean>(Settings.useVpcEndpoint, false) === true,
  requestsPerSecond: () => {
    const v = userValue<number>(Settings.requestsPerSecond, DEFAULT_REQUESTS_PER_SECOND);
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : DEFAULT_REQUESTS_PER_SECOND;
  },
  proxy: () => {
    const http = vscode.workspace.getConfiguration('http');
    const proxy = http.get<string>('proxy')?.trim();
    const noProxy = http.get<string[]>('noProxy') ?? [];
    const strict = http.get<boolean>('proxyStrictSSL', true);
    return { ...(proxy ? { proxy } : {}), ...(noProxy.length ? { noProxy } : {}), ...(strict ? {} : { proxyStrictSSL: false }) };
  },
  // The tools' `when` clause hides them while off; this is the check of a call that comes anyway (invokeTool by name).
  languageModelToolsEnabled: () => userValue<boolean>(Settings.languageModelToolsEnabled, true) !== false,
  cacheTtlMs: () => {
    const v = userValue<number>(Settings.cacheTtlSeconds, DEFAULT_CACHE_TTL_SECONDS);
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v * 1000 : DEFAULT_CACHE_TTL_SECONDS * 1000;
  },
};

export function isChinese(): boolean {
  return vscode.env.language.toLowerCase().startsWith('zh');
}
