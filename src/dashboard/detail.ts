import { readableSite } from '../observer/sites.js';
import type { EntityView, Snapshot } from '../runtime/tracker.js';

/** A row's details (Enter): the entity, and its relations among the entities the run still holds. */
export interface EntityDetail {
  readonly entity: EntityView;
  /** Where the program made it, in words (`scenarios/futures.ts:23`), when that was looked up. */
  readonly site: string | undefined;
  readonly parent: EntityView | undefined;
  /** What it is suspended on now (a waiting task). */
  readonly awaiting: EntityView | undefined;
  /** Who is suspended on it now. */
  readonly awaitedBy: readonly EntityView[];
  /** What it made, oldest first. */
  readonly children: readonly EntityView[];
}

const sites = new Map<string, string>();

/** The site in words, kept: a source map is read once, and a detail is redrawn every frame. */
function siteText(site: string): string {
  let text = sites.get(site);
  if (text === undefined) {
    if (sites.size > 1000) sites.clear();
    sites.set(site, (text = readableSite(site)));
  }
  return text;
}

/** The details of entity `id` in `run`, or undefined once the run no longer holds it. */
export function entityDetail(run: Snapshot, id: string): EntityDetail | undefined {
  let entity: EntityView | undefined;
  let parent: EntityView | undefined;
  let awaiting: EntityView | undefined;
  const awaitedBy: EntityView[] = [];
  const children: EntityView[] = [];
  for (const e of run.entities) if (e.id === id) entity = e;
  if (entity === undefined) return undefined;
  for (const e of run.entities) {
    if (e.id === entity.parent) parent = e;
    if (e.id === entity.awaiting) awaiting = e;
    if (e.awaiting === id) awaitedBy.push(e);
    if (e.parent === id) children.push(e);
  }
  return Object.freeze({ entity, site: entity.site === undefined ? undefined : siteText(entity.site), parent, awaiting, awaitedBy, children });
}
