import { describe, expect, it } from 'vitest';
import { DashboardStore } from '../../src/dashboard/store.js';
import { Session } from '../../src/dashboard/session.js';
import { strings } from '../../src/view/i18n.js';
import { TraceRun } from '../../src/trace/trace-run.js';
import { traceScenario } from '../../src/trace/trace-scenario.js';
import { ROOT } from '../helpers/cli.js';
import { localRuns } from '../helpers/local-run.js';
import { scenarioOf } from '../helpers/run-scenario.js';
import { until } from '../helpers/until.js';

describe('w, on a traced command of two Node processes', () => {
  it('shows each process alone (its own rows, not the other’s), then both, and the footer says which', { timeout: 60_000 }, async () => {
    const scenario = traceScenario([process.execPath, 'test/fixtures/trace/server-under-load.mjs'], ROOT);
    const session = new Session({ scenarios: [scenario], mode: 'trace', createRun: (info, request) => new TraceRun(info, { output: 'capture', loop: request.loop, settings: request.settings }) });
    const store = new DashboardStore(session);
    const en = strings('en');
    try {
      session.start();
      const run = session.run!;
      const kinds = () => {
        store.flush();
        return new Set(store.getSnapshot().run.entities.map((e) => `${e.kind} ${e.name.slice(0, 1)}`));
      };
      // The server's side: accepted sockets (←); the load generator's: client sockets (→).
      await until(() => run.processIds!().length === 2 && kinds().has('socket ←') && kinds().has('socket →'), 'both processes and their sockets', { timeoutMs: 30_000 });
      const [server, load] = run.processIds!() as [string, string];
      expect(store.getSnapshot().processes).toBe(2);

      session.nextProcess();
      expect(session.state.process).toBe(server);
      expect(session.state.message?.(en)).toMatch(/^showing node .*server-under-load\.mjs alone \(1 of 2\); w: the next$/);
      expect(kinds().has('socket ←')).toBe(true);
      expect(kinds().has('socket →')).toBe(false);
      expect(store.getSnapshot().run.entities[0]!.id).toBe(server);

      session.nextProcess();
      expect(session.state.process).toBe(load);
      expect(kinds().has('socket →')).toBe(true);
      expect(kinds().has('socket ←')).toBe(false);
      expect(store.getSnapshot().run.entities.some((e) => e.id === server)).toBe(false);

      session.nextProcess();
      expect(session.state.process).toBeUndefined();
      expect(session.state.message?.(en)).toBe('showing all 2 Node processes');
      expect(kinds().has('socket ←') && kinds().has('socket →')).toBe(true);
    } finally {
      store.dispose();
      await session.close();
    }
    expect((await session.run!.done).status).toBe('stopped');
  });

  it('on a scenario, says it is for traced commands', async () => {
    const session = new Session({ scenarios: [scenarioOf(async (ctx) => ctx.sleep(1), 'short')], createRun: localRuns() });
    session.start();
    session.nextProcess();
    expect(session.state.process).toBeUndefined();
    expect(session.state.message?.(strings('en'))).toBe(strings('en').onlyTraces);
    await session.close();
  });
});
