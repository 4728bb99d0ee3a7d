import { Emitter } from '../util/event';

/** Which profiles had their credentials rejected by the server; the status bar turns red for them. */
export class AuthState {
  private readonly rejected = new Set<string>();
  private readonly changed = new Emitter<string>();
  readonly onDidChange = this.changed.event;

  isRejected(profileName: string): boolean {
    return this.rejected.has(profileName);
  }

  markRejected(profileName: string): void {
    if (this.rejected.has(profileName)) return;
    this.rejected.add(profileName);
    this.changed.fire(profileName);
  }

  clear(profileName: string): void {
    if (this.rejected.delete(profileName)) this.changed.fire(profileName);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
