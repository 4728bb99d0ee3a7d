// A secret leaks in part too: a message cut at a length limit, a parser quoting the text around an error, a line
// wrapped in the middle of a token. The canaries check for every run of RUN characters of a secret, not only the
// whole secret.

export const RUN = 8;

/** Every RUN-character run of `secret` (the secret itself when it is shorter). */
export function secretRuns(secret: string, run = RUN): string[] {
  if (secret.length <= run) return [secret];
  const runs = new Set<string>();
  for (let i = 0; i + run <= secret.length; i++) runs.add(secret.slice(i, i + run));
  return [...runs];
}

/** The first run of any of `secrets` that `text` contains, or undefined. */
export function leakedRun(text: string, secrets: readonly string[], run = RUN): string | undefined {
  for (const s of secrets) for (const r of secretRuns(s, run)) if (text.includes(r)) return r;
  return undefined;
}

/** Throws when a text holds a run of a secret, naming where (never the whole text, which may hold the rest). */
export function assertNoSecretRun(texts: Iterable<string>, secrets: readonly string[], where = 'output'): void {
  for (const text of texts) {
    const r = leakedRun(text, secrets);
    if (r !== undefined) {
      const at = text.indexOf(r);
      throw new Error(`a ${RUN}-character run of a secret ("${r}") leaked into ${where}: …${text.slice(Math.max(0, at - 60), at + 60)}…`);
    }
  }
}
