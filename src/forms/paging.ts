// Reading a list the forms pick from, page by page, up to a cap.
import type { Page } from '../api';

/** Reads pages until the list is complete or `maxItems` is reached. */
export async function collectPages<T>(
  load: (pageNumber: number, pageSize: number) => Promise<Page<T>>,
  pageSize: number,
  maxItems: number,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await load(pageNumber, pageSize);
    items.push(...page.items);
    if (items.length >= maxItems) return { items: items.slice(0, maxItems), truncated: page.totalCount > maxItems || items.length > maxItems };
    if (page.items.length === 0 || items.length >= page.totalCount || page.items.length < pageSize) return { items, truncated: false };
  }
}
