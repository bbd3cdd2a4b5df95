/**
 * The trace probe, preloaded into every Node process of a traced command: `loopscope -- node
 * app.js` starts the command with NODE_OPTIONS=--import=<this bundle> (children inherit it) and
 * LOOPSCOPE_TRACE naming the Unix socket it listens on. Each process connects, says who it is,
 * and sends what its probe sees in the same binary stream a scenario's run sends: entities,
 * counts, loop samples, its exit. It prints nothing and keeps nothing alive; without a watcher
 * (the variable unset, the socket gone) it does nothing at all.
 */
import { performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';
import { thrownText } from '../runtime/errors.js';
import { LoopMonitor } from '../runtime/loop-monitor.js';
import { Tracker } from '../runtime/tracker.js';
import { Emitter } from '../stream/emitter.js';
import { TRACE_CHANNEL_VARIABLE, TRACE_TICK_MS } from '../stream/events.js';
import { openChannel, type ChannelListeners } from './connect.js';
import { Probe } from './probe.js';
import { watchPromises } from './promises.js';
import { watchFs, watchResources } from './resources.js';

/** Set once per process: a probe preloaded twice (NODE_OPTIONS given it twice) starts once. */
const STARTED = Symbol.for('loopscope.probe');

const path = process.env[TRACE_CHANNEL_VARIABLE];
const global = globalThis as { [STARTED]?: boolean };
// A worker thread shares its process's probe: its own loop is not watched.
if (path && isMainThread && !global[STARTED]) {
  global[STARTED] = true;
  start(path);
}

function start(path: string): void {
  const stops: (() => void)[] = [];
  // The watcher is gone: the program goes on alone, at its own speed.
  const quiet = () => {
    for (const stop of stops.splice(0)) stop();
  };
  const on: ChannelListeners = { tick: () => undefined, close: () => undefined };
  const channel = openChannel(path, on);
  if (!channel) return;
  const emitter = new Emitter(channel.fd, { beats: 'owner', open: channel.open, onClose: quiet });
  stops.push(() => channel.close());
  // Shown entities are the watcher's to keep; here only those still alive.
  const tracker = new Tracker({ sink: emitter, retention: 0, logCapacity: 0 });
  const probe = new Probe(tracker);
  emitter.control({ type: 'hello', pid: process.pid, ppid: process.ppid, argv: process.argv, epoch: performance.timeOrigin + tracker.t0 });
  const monitor = new LoopMonitor({ heartbeatMs: TRACE_TICK_MS, beats: 'owner' });
  monitor.subscribe(() => {
    const v = monitor.getSnapshot();
    emitter.loop(tracker.now(), v.lagMs, v.p99Ms, v.maxMs, v.utilization, v.blocked);
  });
  monitor.onBlock((start, end) => tracker.mark('blocked', start - tracker.t0, end - tracker.t0));
  monitor.start();
  stops.push(() => monitor.stop(), watchPromises(probe), watchResources(probe));
  watchFs(probe);
  on.tick = (sentAt) => {
    probe.tick();
    monitor.beat(sentAt);
    emitter.flush(true);
  };
  on.close = () => emitter.close();
  process.on('uncaughtExceptionMonitor', (error) => emitter.control({ type: 'fault', text: thrownText(error) }));
  process.on('exit', (code) => {
    probe.tick();
    emitter.control({ type: 'exit', t: tracker.now(), code });
  });
}
