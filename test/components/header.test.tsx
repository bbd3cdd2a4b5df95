import { HeldSnapshot } from '../../src/dashboard/store.js';
import { describe, expect, it } from 'vitest';
import { Header } from '../../components/Header.js';
import { dashboard } from './fixtures.js';
import { frameOf } from './render.js';

const IDS = ['seed', 'sync-vs-async', 'futures', 'coroutines', 'tasks', 'event-loop', 'concurrency', 'cpu-async', 'threads', 'processes'];

describe('Header', () => {
  it('at 80 columns shows the current tab with its neighbours, speed and a running loop', () => {
    const frame = frameOf(<Header store={new HeldSnapshot(dashboard({ session: { index: 4, speed: 2 } }))} ids={IDS} width={80} />);
    expect(frame).toMatchSnapshot();
    expect(frame.length).toBeLessThanOrEqual(80);
    expect(frame).toContain('[5 tasks]');
    expect(frame).toContain('4 coroutines');
    expect(frame).toContain('‹');
    expect(frame).toContain('›');
    expect(frame).toContain('2x');
    expect(frame).toContain('● running');
  });

  it('shows every tab when they fit; the tenth has no number key', () => {
    const frame = frameOf(<Header store={new HeldSnapshot(dashboard({ session: { index: 0 } }))} ids={IDS} width={100} />);
    expect(frame).not.toContain('‹');
    expect(frame).toContain('[1 seed]');
  });

  it('reports a block that just happened with its length', () => {
    const frame = frameOf(<Header store={new HeldSnapshot(dashboard({ block: { start: 0, end: 101.4, live: false } }))} ids={IDS} width={80} />);
    expect(frame).toContain('■ blocked 101ms');
    expect(frame).not.toContain('● running');
  });

  it('in a replay, says so, with the position, the length and whether it plays', () => {
    const replay = { position: 1250, length: 3400, paused: false, ended: undefined };
    const playing = frameOf(<Header store={new HeldSnapshot(dashboard({ session: { mode: 'replay', replay, speed: 0.5 } }))} ids={['seed', 'futures']} width={80} />);
    expect(playing).toMatch(/\[1 seed\] {2}2 futures +▶ replay 1\.25s \/ 3\.40s {2}0\.5x {2}● running$/);
    const paused = frameOf(<Header store={new HeldSnapshot(dashboard({ session: { mode: 'replay', replay: { ...replay, paused: true }, lang: 'es' } }))} ids={['seed']} width={80} />);
    expect(paused).toContain('❚❚ repetición 1.25s / 3.40s');
  });

  it('shows step mode and where the run waits, in Spanish too', () => {
    const frame = frameOf(<Header store={new HeldSnapshot(dashboard({ session: { stepMode: true, pausedAt: 'make', lang: 'es' } }))} ids={IDS} width={80} />);
    expect(frame).toContain('❚❚ paso a paso');
    expect(frame).toContain('● en marcha');
  });
});
