import type { Figure } from './figure.js';
import { trackedTaskOverhead } from './figures/tracked-task-overhead.js';

/** Every figure, in the order the table prints them. */
const FIGURES: readonly (() => Promise<Figure>)[] = [trackedTaskOverhead];

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const figures: Figure[] = [];
  for (const measure of FIGURES) {
    const figure = await measure();
    figures.push(figure);
    if (!json) process.stderr.write(`measured ${figure.name}\n`);
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(figures.map(({ name, value, unit, goal, pass }) => ({ name, value, unit, goal, pass })))}\n`);
    return;
  }
  const rows = figures.map((f) => [f.name, `${f.value} ${f.unit}`, f.goal, f.pass ? 'pass' : 'MISS', f.note ?? '']);
  const head = ['figure', 'value', 'goal', '', 'how'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  process.stdout.write(`${[line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`);
}

await main();
