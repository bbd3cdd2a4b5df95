import type { Command, KeyCommand } from '../view/keys.js';
import type { Session } from './session.js';

/** How far ← and → move a replay. */
const SEEK_MS = 1000;

/** What a key does to the session; `press` says which key it was (and, for 1-9, which scenario). */
export type CommandHandler = (session: Session, press: KeyCommand) => void;

/**
 * A handler for every command of the key table: a command added there without one here does not
 * compile. Each only calls the session, which owns the state.
 */
export const HANDLERS = {
  pause: (session) => session.togglePause(),
  seekBack: (session) => session.seekBy(-SEEK_MS),
  seekForward: (session) => session.seekBy(SEEK_MS),
  seekStart: (session) => session.seekTo('start'),
  seekEnd: (session) => session.seekTo('end'),
  recordedRun: (session, press) => session.select(press.index ?? -1),
  prevRun: (session) => session.selectBy(-1),
  nextRun: (session) => session.selectBy(1),
  scenario: (session, press) => session.select(press.index ?? -1),
  prevScenario: (session) => session.selectBy(-1),
  nextScenario: (session) => session.selectBy(1),
  rerun: (session) => session.rerun(),
  stepMode: (session) => session.toggleStepMode(),
  nextStep: (session) => session.nextStep(),
  up: (session) => session.moveSelection(-1),
  down: (session) => session.moveSelection(1),
  process: (session) => session.nextProcess(),
  cancel: (session) => session.act('cancel'),
  resolve: (session) => session.act('resolve'),
  reject: (session) => session.act('reject'),
  faster: (session) => session.stepSpeed(1),
  slower: (session) => session.stepSpeed(-1),
  code: (session) => session.toggleCode(),
  lang: (session) => session.toggleLang(),
  help: (session) => session.toggleHelp(),
  pageUp: (session) => session.page(-1),
  pageDown: (session) => session.page(1),
  first: (session) => session.toEdge(-1),
  last: (session) => session.toEdge(1),
  filter: (session) => session.startFilter(),
  sort: (session) => session.cycleSort(),
  reverseSort: (session) => session.reverseSort(),
  details: (session) => session.openDetails(),
  tree: (session) => session.toggleTree(),
  console: (session) => session.toggleConsole(),
  back: (session) => session.back(),
  // Ctrl+C quits as an interrupted program does, with 130.
  quit: (session, press) => session.quit(press.key === 'ctrl+c' ? 130 : 0),
} as const satisfies Record<Command, CommandHandler>;
