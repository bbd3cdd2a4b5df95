// Preloaded into the trace-overhead figure's server to price one kind of hook alone, with empty
// callbacks (LOOPSCOPE_BENCH_HOOKS names it): what the trace probe uses, and what it does without.
import { createHook } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import { promiseHooks } from 'node:v8';

const nothing = () => undefined;
const HOOKS = {
  /** V8's promise hooks, init and settled: the probe's promises. */
  'promise-hooks': () => promiseHooks.createHook({ init: nothing, settled: nothing }),
  /** The same with before and after, which the probe leaves out. */
  'promise-hooks-all': () => promiseHooks.createHook({ init: nothing, before: nothing, after: nothing, settled: nothing }),
  /** Node's diagnostics channels for sockets, servers and requests: the probe's resources. */
  channels: () => {
    for (const name of ['net.server.socket', 'net.client.socket', 'http.server.request.start', 'http.client.request.start']) subscribe(name, nothing);
  },
  /** async_hooks with an init hook only, which the probe does without. */
  'async-hooks-init': () => createHook({ init: nothing }).enable(),
  /** async_hooks with every hook. */
  'async-hooks-all': () => createHook({ init: nothing, before: nothing, after: nothing, destroy: nothing, promiseResolve: nothing }).enable(),
};

HOOKS[process.env.LOOPSCOPE_BENCH_HOOKS]?.();
