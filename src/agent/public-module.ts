import { register } from 'node:module';
import { packageFile } from '../paths.js';

/**
 * loopscope's public module as a --file program imports it (`import { CancelledError } from
 * 'loopscope'`): from the sources when loopscope runs from them (tests, tsx), else from the bundle,
 * whose shared chunks make its classes the very ones the run uses.
 */
function publicModuleUrl(): URL {
  return import.meta.url.endsWith('.ts') ? packageFile('src/index.ts') : packageFile('dist/index.js');
}

let registered = false;

/**
 * Makes the bare specifier 'loopscope' resolve to the public module for every module loaded from
 * now on, wherever it lives (a user's file outside any project resolves no package of its own).
 */
export function registerPublicModule(): void {
  if (registered) return;
  registered = true;
  const target = JSON.stringify(publicModuleUrl().href);
  const hooks = `export async function resolve(specifier, context, next) {
  return specifier === 'loopscope' ? { url: ${target}, shortCircuit: true } : next(specifier, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
