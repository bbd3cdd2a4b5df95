/**
 * Step mode: when on, each `ctx.step` waits until next() is called. Turning it off releases
 * whoever waits.
 */
export class Stepper {
  #enabled: boolean;
  #release: (() => void) | undefined;
  #label: string | undefined;
  readonly #listeners = new Set<() => void>();

  constructor(enabled = false) {
    this.#enabled = enabled;
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  /** The label the run is paused at, if it is. */
  get pausedAt(): string | undefined {
    return this.#label;
  }

  set enabled(on: boolean) {
    this.#enabled = on;
    if (!on) this.next();
    this.#emit();
  }

  /** Waits at a step when enabled; returns undefined (no extra tick) otherwise. */
  wait(label: string): Promise<void> | undefined {
    if (!this.#enabled) return undefined;
    this.#release?.();
    this.#label = label;
    this.#emit();
    return new Promise<void>((resolve) => {
      this.#release = resolve;
    });
  }

  next(): void {
    const release = this.#release;
    this.#release = undefined;
    this.#label = undefined;
    release?.();
    this.#emit();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
