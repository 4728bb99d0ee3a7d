// The plan page's pure logic (no DOM), unit tested in plain Node.
import type { ApplyState, PlanRow, PlanView } from '../../src/shared/groupsPlanProtocol';

/** The rows shown: unchanged ones are a count unless expanded. */
export function visibleRows(rows: readonly PlanRow[], showUnchanged: boolean): PlanRow[] {
  return showUnchanged ? [...rows] : rows.filter((r) => r.action !== 'unchanged');
}

/** `before → after` of a field, with the page's words for none and unknown. */
export function fieldChangeText(f: PlanRow['fields'][number], words: { none: string; unknown: string }): string {
  const before = f.before ?? (f.unknown ? words.unknown : words.none);
  return f.before === undefined && !f.unknown && f.after !== undefined ? f.after : `${before} → ${f.after ?? words.none}`;
}

/** Whether Apply may be pressed: a plan that writes, not stale, not applied or being applied. */
export function canApply(view: PlanView): boolean {
  return !view.stale && view.requests.length > 0 && (view.apply.phase === 'idle');
}

/** Whether the apply is over (the page then offers to plan again). */
export function isFinished(apply: ApplyState): boolean {
  return apply.phase === 'done' || apply.phase === 'failed' || apply.phase === 'cancelled' || apply.phase === 'stale';
}
