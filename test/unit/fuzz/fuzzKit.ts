// Shared by the fuzz suites: counted property runners (the README reports how many cases ran).

import fc from 'fast-check';

function report(name: string, ran: number): void {
  console.log(`      [fuzz] ${name}: ${ran} cases`);
}

/** Runs a synchronous property `numRuns` times and prints how many cases ran (shrinking runs included). */
export function runCounted<T>(name: string, arb: fc.Arbitrary<T>, predicate: (v: T) => void, numRuns: number): void {
  let ran = 0;
  fc.assert(fc.property(arb, (v) => {
    ran++;
    predicate(v);
  }), { numRuns });
  report(name, ran);
}

export async function runCountedAsync<T>(name: string, arb: fc.Arbitrary<T>, predicate: (v: T) => Promise<void>, numRuns: number): Promise<void> {
  let ran = 0;
  await fc.assert(fc.asyncProperty(arb, async (v) => {
    ran++;
    await predicate(v);
  }), { numRuns });
  report(name, ran);
}

/** Keys that have hurt JavaScript parsers before: prototype pollution and lookalikes. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then'] as const;

/** Strings that are long, odd or dangerous in other contexts. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...HOSTILE_KEYS, '', ' ', '\u0000', '\u202e', '<script>alert(1)</script>', '${x}', 'null', '1e309', '-0'),
  fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
);
