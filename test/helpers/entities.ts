import { expect } from 'vitest';
import type { EntityView, Snapshot } from '../../src/runtime/tracker.js';

/** Declarative expectation: each listed entity (matched by name, in order of appearance) has these fields. */
export function expectEntities(snap: Snapshot, expected: readonly Partial<EntityView>[]): void {
  const used = new Set<EntityView>();
  for (const want of expected) {
    const found = snap.entities.find(
      (e) => !used.has(e) && Object.entries(want).every(([k, v]) => e[k as keyof EntityView] === v),
    );
    expect(found, `no entity matching ${JSON.stringify(want)} in ${describe(snap)}`).toBeDefined();
    used.add(found!);
  }
}

export function describe(snap: Snapshot): string {
  return snap.entities.map((e) => `${e.name}:${e.kind}:${e.state}`).join(', ');
}
