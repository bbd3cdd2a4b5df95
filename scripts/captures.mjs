// Saves a text capture of each scenario's screen, as the README shows them: runs the autoplay tour
// in a tmux terminal and keeps, for each scenario, its last screen before the next one starts.
//
//   node scripts/captures.mjs [--seconds 8] [--size 80x24] [--lang en] [--out docs/screens]
//
// Needs tmux. Each capture is docs/screens/<id>.txt: the dashboard's rows, trailing spaces cut.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SHELL, killServer } from './tmux-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    size: { type: 'string', default: '80x24' },
    lang: { type: 'string', default: 'en' },
    out: { type: 'string', default: 'docs/screens' },
  },
});
const [columns, rows] = values.size.split('x').map(Number);
const socket = `loopscope-captures-${process.pid}`;
const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });

// `--list` prints `key  id  title: summary` (key `-` past 9).
const ids = execFileSync(process.execPath, ['bin/loopscope.js', '--list'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  .trim()
  .split('\n')
  .map((line) => line.split(/\s+/)[1]);

/** The scenario a screen shows: its tab in the header, `[3 futures]` or `[rush-hour]`. */
function current(screen) {
  const tab = /^loopscope .*?\[(?:\d+ )?([a-z0-9-]+)\]/.exec(screen);
  return tab && ids.includes(tab[1]) ? tab[1] : undefined;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const last = new Map();
tmux('-f', '/dev/null', 'new-session', '-d', '-x', String(columns), '-y', String(rows), '-c', root, SHELL);
try {
  while (!tmux('capture-pane', '-p', '-t', '0').includes('ready$')) await sleep(50);
  tmux('send-keys', '-t', '0', '-l', `clear; node bin/loopscope.js --autoplay ${values.seconds} --lang ${values.lang}; echo __EXIT_$?__`);
  tmux('send-keys', '-t', '0', 'Enter');
  const deadline = Date.now() + ids.length * (Number(values.seconds) + 10) * 1000;
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', '0');
    if (/^__EXIT_\d+__$/m.test(screen)) break;
    if (Date.now() > deadline) throw new Error(`the tour did not end; the screen:\n${screen}`);
    const lines = screen.split('\n');
    const id = current(screen);
    // A frame drawn whole (down to its last panel's border), without the line a key or the way
    // out puts in the footer.
    if (id && lines[rows - 4]?.startsWith('╰') && !lines[rows - 3]?.startsWith('» ')) {
      last.set(id, lines.slice(0, rows - 1).map((line) => line.trimEnd()).join('\n') + '\n');
    }
    await sleep(100);
  }
} finally {
  killServer(tmux);
}
const out = resolve(root, values.out);
mkdirSync(out, { recursive: true });
for (const id of ids) {
  const screen = last.get(id);
  if (!screen) throw new Error(`no capture of ${id}`);
  writeFileSync(join(out, `${id}.txt`), screen);
}
console.log(`saved ${ids.length} screens (${values.size}, ${values.lang}) in ${values.out}/`);
