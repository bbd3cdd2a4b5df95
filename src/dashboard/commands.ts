import type { Command, KeyCommand } from '../view/keys.js';
import type { Session } from './session.js';

/** What a key does to the session; `press` says which key it was (and, for 1-9, which scenario). */
export type CommandHandler = (session: Session, press: KeyCommand) => void;

/**
 * A handler for every command of the key table: a command added there without one here does not
 * compile. Each only calls the session, which owns the state.
 */
export const HANDLERS = {
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
  closeHelp: (session) => session.closeHelp(),
  // Ctrl+C quits as an interrupted program does, with 130.
  quit: (session, press) => session.quit(press.key === 'ctrl+c' ? 130 : 0),
} as const satisfies Record<Command, CommandHandler>;
