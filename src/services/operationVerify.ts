// Verify: whether a write whose answer was lost happened, looked up by what it asked for, the way the API layer
// reconciles an ambiguous create (never by resending). No vscode.
import type { CallOptions, DataWorksService } from '../api';
import type { OperationEntry } from './operations';

/** Pages read at most per lookup: 100 items each. */
const LOOKUP_PAGES = 20;

export type Found = 'all' | 'none' | 'some';

/** What a Verify changes in the entry. */
export type Verdict = Pick<OperationEntry, 'status' | 'verified'> & { readonly createdId?: string };

function verdict(found: Found, at: number, createdId?: string): Verdict {
  const status = found === 'all' ? 'succeeded' : found === 'none' ? 'failed' : 'unknown';
  return { status, verified: { at, found }, ...(createdId ? { createdId } : {}) };
}

function count(hits: number, of: number): Found {
  return hits === of ? 'all' : hits === 0 ? 'none' : 'some';
}

const sameAccounts = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * Looks the entry's result up: a business process by name (and API group) in its workspace; user groups by name
 * (an update also by its values); deleted groups by the absence of their IDs. Throws what the service throws.
 */
export async function verifyOperation(service: DataWorksService, entry: OperationEntry, at: number, opts?: CallOptions): Promise<Verdict> {
  const input = entry.input;
  switch (input.action) {
    case 'createBusinessProcess': {
      for (let pageNumber = 1; pageNumber <= LOOKUP_PAGES; pageNumber++) {
        const page = await service.listBusinessProcesses({ projectId: input.projectId, nameKeyword: input.name, pageNumber, pageSize: 100 }, opts);
        // The keyword is a substring match: only the exact name bound to the same API group counts.
        const hit = page.items.find((b) => b.name === input.name && b.apiGatewayGroupId === input.apiGatewayGroupId);
        if (hit) return verdict('all', at, hit.id);
        if (page.items.length === 0 || pageNumber * page.pageSize >= page.totalCount) break;
      }
      return verdict('none', at);
    }
    case 'saveUserGroups': {
      let hits = 0;
      for (const g of input.groups) {
        const page = await service.listUserGroups({ name: g.name, pageNumber: 1, pageSize: 100 }, opts);
        const applied = page.items.some((u) => u.name === g.name && u.owner === g.owner
          && (g.id === undefined || (u.id === g.id && sameAccounts(u.accounts, g.accounts))));
        if (applied) hits++;
      }
      return verdict(count(hits, input.groups.length), at);
    }
    case 'deleteUserGroups': {
      const left = new Set<number>();
      for (let pageNumber = 1; pageNumber <= LOOKUP_PAGES; pageNumber++) {
        const page = await service.listUserGroups({ pageNumber, pageSize: 100 }, opts);
        for (const u of page.items) if (input.ids.includes(u.id)) left.add(u.id);
        if (page.items.length === 0 || pageNumber * page.pageSize >= page.totalCount) break;
      }
      return verdict(count(input.ids.length - left.size, input.ids.length), at);
    }
  }
}
