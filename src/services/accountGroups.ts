// "Which groups is this person in?": the matching rule, kept in one place for the command and the chat tool.
// A group lists an account as the value DsgUserGroupAddOrUpdate was given (`user:acme_data`, `role:etl_runner`
// for types 1 and 2, a MaxCompute role name for type 3), so an account is found by that value or by its bare
// name. Matching is exact (after trimming): names differ only in case on some tenants, and a near match is not
// the answer to "is this person in the group".
import type { TenantUser, UserGroup } from '../api';

/** The strings a group's account list may hold for this account. */
export function accountKeys(account: string | TenantUser): ReadonlySet<string> {
  const keys = new Set<string>();
  const add = (s: string): void => {
    const t = s.trim();
    if (t) keys.add(t);
  };
  if (typeof account === 'string') {
    add(account);
    const bare = /^(?:user|role):(.+)$/.exec(account.trim());
    if (bare?.[1]) add(bare[1]);
    else { add(`user:${account}`); add(`role:${account}`); }
  } else {
    add(account.yunAccount);
    add(account.accountName);
  }
  return keys;
}

/** The groups whose accounts include the account, in the order given. */
export function groupsContainingAccount(groups: readonly UserGroup[], account: string | TenantUser): UserGroup[] {
  const keys = accountKeys(account);
  if (keys.size === 0) return [];
  return groups.filter((g) => g.accounts.some((a) => keys.has(a.trim())));
}
