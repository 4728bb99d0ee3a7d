import { BACK } from '../util/steps';
import type { CredentialStep } from './verification';

// The step logic of Add Profile / Sign In Again, without any UI: the QuickInput side asks one step at a time,
// this decides what comes next. Unit-tested with a scripted UI.

export type WizardStep = 'name' | 'region' | CredentialStep;

export interface WizardAnswers {
  name: string;
  region: string;
  accessKeyId: string;
  secret: string;
  token: string;
}

export interface StepRequest {
  readonly step: WizardStep;
  /** 1-based position and count, for the QuickInput's "2/5". */
  readonly index: number;
  readonly total: number;
  /** The server's verdict on what was entered in this step last time, shown as its validation message. */
  readonly error?: string;
}

/** Asks one step; resolves the new value or BACK, rejects (UserCancelledError) when the user gives up. */
export type AskStep = (request: StepRequest, answers: Readonly<WizardAnswers>) => Promise<string | typeof BACK>;

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly step: CredentialStep; readonly message: string };

/**
 * Runs the steps in order with Back, then verifies; a rejected key sends the user back to the step to fix
 * (the others keep their values). `answers` is updated in place, so a caller that is interrupted still has
 * what was typed.
 */
export async function runCredentialsWizard(
  steps: readonly WizardStep[],
  answers: WizardAnswers,
  ask: AskStep,
  verify: (answers: Readonly<WizardAnswers>) => Promise<Verdict>,
): Promise<void> {
  const errors: Partial<Record<WizardStep, string>> = {};
  let i = 0;
  for (;;) {
    const step = steps[i];
    if (step === undefined) {
      const verdict = await verify(answers);
      if (verdict.ok) return;
      const back = steps.indexOf(verdict.step);
      // A token error in a flow without a token step (never the case today) lands on the last step.
      i = back >= 0 ? back : steps.length - 1;
      errors[steps[i] ?? verdict.step] = verdict.message;
      continue;
    }
    const error = errors[step];
    delete errors[step];
    const value = await ask({ step, index: i + 1, total: steps.length, ...(error ? { error } : {}) }, answers);
    if (value === BACK) {
      i = Math.max(0, i - 1);
      continue;
    }
    answers[step] = value.trim();
    i++;
  }
}
