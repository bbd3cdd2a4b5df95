import { Box, Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { codeLines, codeWindowStart } from '../src/view/code-view.js';
import { strings } from '../src/view/i18n.js';
import type { DashboardSnapshot } from '../src/dashboard/store.js';
import { Panel, type StorePanelProps } from './Panel.js';

export type Props = StorePanelProps;

const select = (s: DashboardSnapshot) => ({
  scenario: s.session.scenario,
  view: s.session.code,
  // Until the next scenario's run starts, the run on screen (and its step) is the previous one's.
  step: s.runScenario === s.session.scenario.id ? s.run.step : undefined,
  lang: s.session.lang,
  pausedAt: s.session.pausedAt,
});

/** `Code · app.mjs`: a traced command's entry file, by its name. */
const codeOf = (file: string) => `Code · ${file.slice(file.lastIndexOf('/') + 1)}`;

/**
 * The scenario's run(ctx) in TypeScript, or the Python it mirrors, with the current step marked;
 * for a traced command, its entry file (or its command line).
 */
export function CodePanel({ store, width, height }: Props) {
  const theme = useTheme();
  const { scenario, view, step, lang, pausedAt } = useSnapshot(store, select);
  const s = strings(lang);
  const code = codeLines(scenario, view, step);
  const title = scenario.command ? (scenario.file ? codeOf(scenario.file) : s.command) : view === 'ts' ? s.codeTs : s.codePython;
  const rows = height - 2;
  const note = pausedAt ? `❚❚ ${pausedAt}` : step?.label;
  if (!code) {
    return (
      <Panel title={title} width={width} height={height}>
        <Text color={theme.muted}>{s.noPython}</Text>
      </Panel>
    );
  }
  const start = codeWindowStart(code, rows);
  return (
    <Panel title={title} note={note} width={width} height={height}>
      {code.lines.slice(start, start + rows).map((line, i) => {
        const here = start + i === code.highlight;
        const comment = /^\s*(\/\/|#)/.test(line);
        return (
          <Box key={start + i} height={1}>
            <Text wrap="truncate-end" bold={here} inverse={here} color={!here && comment ? theme.muted : undefined}>
              {`${here ? '▶' : ' '} ${line || ' '}`}
            </Text>
          </Box>
        );
      })}
    </Panel>
  );
}
