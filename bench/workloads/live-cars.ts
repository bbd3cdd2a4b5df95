// Rush hour's dashboard state with N live cars, as the frame workloads draw it: the session, a
// tracker of the cars, and snapshots built the way DashboardStore builds them.
import { loadBuiltin, SCENARIOS } from '../../scenarios/index.js';
import { Session } from '../../src/dashboard/session.js';
import { dashboardSnapshot, HeldSnapshot, type DashboardSnapshot } from '../../src/dashboard/store.js';
import { Tracker, type EntityRecord } from '../../src/runtime/tracker.js';
import { spinnerAt } from '../../src/view/theme.js';

export class LiveCars {
  readonly session = new Session({ scenarios: SCENARIOS.map(loadBuiltin), initial: SCENARIOS.findIndex((s) => s.id === 'rush-hour') });
  readonly tracker = new Tracker();
  readonly cars: EntityRecord[] = [];
  readonly store: HeldSnapshot;
  #version = 0;
  #cursor = 0;

  /** `count` cars waiting on the road; every `failEvery`-th one has broken down (rejected) instead. */
  constructor(count: number, failEvery = 0) {
    const main = this.tracker.track('task', 'main', 'waiting', undefined, 'coro=main()', undefined);
    for (let n = 1; n <= count; n++) {
      const car = this.tracker.track('task', `car-${n}`, 'pending', main.id, undefined, undefined);
      this.tracker.setState(car, 'waiting');
      if (failEvery > 0 && n % failEvery === 0) this.tracker.setState(car, 'rejected', new Error(`car-${n} broke down`));
      this.cars.push(car);
    }
    this.tracker.log('stdout', `rush hour: ${count.toLocaleString('en')} cars, each driving 50-2000 ms`);
    this.tracker.log('stdout', 'arrived in waves of 1,000, one loop turn apart');
    this.store = new HeldSnapshot(this.build());
  }

  /** What DashboardStore builds from a run: the tracker's snapshot and the session around it. */
  build(): DashboardSnapshot {
    return dashboardSnapshot(this.session.state, this.session.monitor.getSnapshot(), {
      version: ++this.#version,
      run: this.tracker.snapshot(),
      runScenario: 'rush-hour',
      now: this.tracker.now(),
      spinner: spinnerAt(performance.now()),
      at: performance.now(),
    });
  }

  /** Live cars taking their turn: the `changed` that ran go back to waiting, the next ones run. */
  turn(changed: number): void {
    const cars = this.cars;
    for (let i = 0; i < changed; i++) {
      this.tracker.setState(cars[(this.#cursor + i) % cars.length]!, 'waiting');
      this.tracker.setState(cars[(this.#cursor + changed + i) % cars.length]!, 'running');
    }
    this.#cursor += changed;
  }
}
