import { HeldSnapshot } from '../../src/dashboard/store.js';
import { describe, expect, it } from 'vitest';
import { Header } from '../../components/Header.js';
import { dashboard } from './fixtures.js';
import { render } from 'ink-testing-library';
import { frameOf, plain, waitForFrame } from './render.js';

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


  it('counts a live block up while the thread is held, then says running once it is free', async () => {
    const store = new HeldSnapshot(dashboard({ block: { start: 1000, end: 1400, live: true } }));
    const app = render(<Header store={store} ids={IDS} width={80} />);
    const frame = () => plain(app.lastFrame());
    expect(frame()).toContain('■ blocked 400ms');
    store.set(dashboard({ block: { start: 1000, end: 2250, live: true } }));
    await waitForFrame(frame, (f) => f.includes('■ blocked 1.25s'));
    store.set(dashboard({}));
    await waitForFrame(frame, (f) => f.includes('● running'));
    expect(frame()).not.toContain('blocked');
    app.unmount();
  });

  it('says which run of the scenario it is from the second on, so a rerun that ends as fast is seen', () => {
    const failed = { scenario: 'fixture', status: 'failed' as const, ok: false, error: undefined, wallMs: 30, leaks: [], neverAwaited: [], total: 1 };
    const header = (runNumber: number, lang: 'en' | 'es' = 'en') =>
      frameOf(<Header store={new HeldSnapshot(dashboard({ session: { runNumber, lang, phase: 'failed', result: failed } }))} ids={IDS} width={80} />);
    expect(header(1)).not.toMatch(/run \d/);
    expect(header(2)).toMatch(/1x {2}run 2 {2}✗ failed after 30ms$/);
    expect(header(12, 'es')).toContain('ejecución 12  ✗ falló tras 30ms');
    expect(header(12).length).toBeLessThanOrEqual(80);
  });

  it('says where the run is paused, in step mode', () => {
    const frame = frameOf(<Header store={new HeldSnapshot(dashboard({ session: { stepMode: true, pausedAt: 'make' } }))} ids={IDS} width={80} />);
    expect(frame).toContain('step  1x  ❚❚ paused at make');
    expect(frame).not.toContain('● running');
  });

  it('says how the run ended, and nothing of running or of a block after it', () => {
    const result = (status: 'ended' | 'failed' | 'stopped', wallMs: number) => ({ scenario: 'fixture', status, ok: status !== 'failed', error: undefined, wallMs, leaks: [], neverAwaited: [], total: 5 });
    const header = (status: 'ended' | 'failed' | 'stopped', wallMs: number) =>
      frameOf(<Header store={new HeldSnapshot(dashboard({ session: { phase: status, result: result(status, wallMs) }, block: { start: 0, end: 97, live: false } }))} ids={IDS} width={80} />);
    const ended = header('ended', 303.2);
    expect(ended).toContain('✓ ended in 303ms');
    expect(ended).not.toMatch(/running|blocked/);
    expect(header('failed', 12)).toContain('✗ failed after 12ms');
    expect(header('stopped', 50)).toContain('⊘ stopped after 50ms');
    expect(frameOf(<Header store={new HeldSnapshot(dashboard({ session: { phase: 'stopping' } }))} ids={IDS} width={80} />)).toContain('… stopping');
  });

  it("starts over on a switch: the next scenario's run is running, not the last one's block or end", async () => {
    const ended = { scenario: 'fixture', status: 'ended' as const, ok: true, error: undefined, wallMs: 303, leaks: [], neverAwaited: [], total: 5 };
    const store = new HeldSnapshot(dashboard({ session: { index: 1, phase: 'ended', result: ended } }));
    const app = render(<Header store={store} ids={IDS} width={80} />);
    const frame = () => plain(app.lastFrame());
    expect(frame()).toContain('✓ ended in 303ms');
    // The session's new run and the store's new block: what a switch gives the header.
    store.set(dashboard({ session: { index: 2, phase: 'running', result: undefined } }));
    await waitForFrame(frame, (f) => f.includes('[3 futures]'));
    expect(frame()).toContain('● running');
    expect(frame()).not.toMatch(/ended|blocked/);
    app.unmount();
  });

  it('shows step mode and the state in Spanish too', () => {
    const frame = frameOf(<Header store={new HeldSnapshot(dashboard({ session: { stepMode: true, pausedAt: 'make', lang: 'es' } }))} ids={IDS} width={80} />);
    expect(frame).toContain('paso a paso');
    expect(frame).toContain('❚❚ en pausa en make');
    const running = frameOf(<Header store={new HeldSnapshot(dashboard({ session: { lang: 'es' } }))} ids={IDS} width={80} />);
    expect(running).toContain('● en marcha');
  });
});
