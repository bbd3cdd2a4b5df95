import type { StepView } from '../runtime/tracker.js';
import { pythonStepLines } from '../scenario.js';
import type { ScenarioInfo } from '../stream/events.js';

/** Which code the code panel shows. */
export type CodeView = 'ts' | 'python';

/** Lines of code to show, with the line of the current step. */
export interface CodeLines {
  /** Source text, one entry per line, tabs expanded. */
  readonly lines: readonly string[];
  /** 1-based number of the first entry in `lines`. */
  readonly firstNumber: number;
  /** Index into `lines` of the step the run is at, if known. */
  readonly highlight: number | undefined;
}

const STEP_MARKER = /\s*#\s*step:.*$/;
const RUN_START = /^\s*(async\s+)?(run\s*\(|function\s+run\b|run\s*:\s*async)/;

const cache = new WeakMap<ScenarioInfo, { ts: CodeLines; python: CodeLines | undefined; pySteps: Map<string, number> }>();

function prepare(scenario: ScenarioInfo) {
  let found = cache.get(scenario);
  if (!found) {
    const all = scenario.source.replace(/\t/g, '  ').split('\n');
    // Show the scenario's run(ctx) body: its metadata above (texts, the Python) is shown elsewhere.
    // A file of one's own may have no run(ctx) (a bare default-exported function): all of it then,
    // as for a traced command's entry file.
    const start = scenario.command ? -1 : all.findIndex((l) => RUN_START.test(l));
    const ts: CodeLines =
      start < 0
        ? { lines: all, firstNumber: 1, highlight: undefined }
        : { lines: dedent(all.slice(start, blockEnd(all, start) + 1)), firstNumber: start + 1, highlight: undefined };
    const python = scenario.python
      ? { lines: scenario.python.replace(/\t/g, '    ').split('\n').map((l) => l.replace(STEP_MARKER, '')), firstNumber: 1, highlight: undefined }
      : undefined;
    found = { ts, python, pySteps: scenario.python ? pythonStepLines(scenario.python) : new Map() };
    cache.set(scenario, found);
  }
  return found;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** Index of the line that closes the block opened at `start`: the next line indented no deeper. */
function blockEnd(lines: readonly string[], start: number): number {
  const base = indentOf(lines[start] ?? '');
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i]!.trim() !== '' && indentOf(lines[i]!) <= base) return i;
  }
  return lines.length - 1;
}

/** Removes the indentation the body lines share, so narrow panels show code, not margin. */
function dedent(lines: readonly string[]): string[] {
  const body = lines.slice(1).filter((l) => l.trim() !== '');
  const cut = body.length > 0 ? Math.min(...body.map(indentOf)) : 0;
  return lines.map((l, i) => (i === 0 ? l.trimStart() : l.slice(Math.min(cut, indentOf(l)))));
}

/**
 * The code of a scenario in one view, with the line of `step` marked: in TypeScript the line of
 * the `ctx.step` call, in Python the line that carried the same `# step:` label.
 */
export function codeLines(scenario: ScenarioInfo, view: CodeView, step: StepView | undefined): CodeLines | undefined {
  const prepared = prepare(scenario);
  const base = view === 'ts' ? prepared.ts : prepared.python;
  if (!base) return undefined;
  const line = view === 'ts' ? step?.line : step ? prepared.pySteps.get(step.label) : undefined;
  const index = line === undefined ? -1 : line - base.firstNumber;
  return { ...base, highlight: index >= 0 && index < base.lines.length ? index : undefined };
}

/** The first line to show so that the highlighted line sits a third of the way down. */
export function codeWindowStart(code: CodeLines, height: number): number {
  if (code.lines.length <= height || code.highlight === undefined) return 0;
  return Math.min(code.lines.length - height, Math.max(0, code.highlight - Math.floor(height / 3)));
}
