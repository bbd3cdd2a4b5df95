import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ScenarioInfo } from '../stream/events.js';
import { commandLine } from './traced-process.js';

/** The most of an entry file the code panel is given. */
const SOURCE_MAX = 256 * 1024;
const ENTRY = /\.(?:[cm]?js|[cm]?ts|jsx|tsx)$/;

/**
 * A traced command as the screen shows a scenario: its command line for a title, and for the
 * code panel the entry file's text (the first argument that is a script file), else the
 * command line itself.
 */
export function traceScenario(command: readonly string[], cwd = process.cwd()): ScenarioInfo {
  const line = commandLine(command, cwd);
  const entry = command.slice(1).find((arg) => ENTRY.test(arg) && isFile(resolve(cwd, arg)));
  const file = entry === undefined ? undefined : resolve(cwd, entry);
  return {
    id: 'trace',
    title: line,
    summary: { en: `Tracing ${line}: its promises, timers, sockets and requests, live`, es: `Trazando ${line}: sus promesas, timers, sockets y peticiones, en vivo` },
    explain: {
      en: [
        'Every Node process the command starts preloads loopscope’s probe and reports to this screen.',
        'A promise or a timer over within 20 ms is only counted (“done”); what lives longer gets a row.',
        'w shows one process at a time (its rows and its loop), then all again.',
      ],
      es: [
        'Cada proceso Node que arranca el comando precarga la sonda de loopscope e informa a esta pantalla.',
        'Una promesa o un timer que acaba en menos de 20 ms solo se cuenta («hechos»); lo que dura más tiene fila.',
        'w muestra un proceso cada vez (sus filas y su loop), y luego todos otra vez.',
      ],
    },
    source: file === undefined ? `$ ${command.join(' ')}` : readHead(file),
    ...(file === undefined ? {} : { file }),
    command,
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readHead(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(SOURCE_MAX, statSync(path).size));
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
