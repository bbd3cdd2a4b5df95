import { Text } from 'ink';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { explainPages, pageAt } from '../src/view/explain-pages.js';
import { strings } from '../src/view/i18n.js';
import { localize } from '../src/scenario.js';
import type { DashboardSnapshot } from '../src/dashboard/store.js';
import { Panel, type StorePanelProps } from './Panel.js';

export type Props = StorePanelProps;

const select = (s: DashboardSnapshot) => ({
  explain: s.session.scenario.explain,
  title: s.session.scenario.title,
  lang: s.session.lang,
  tour: s.session.tour,
  // Only a tour turns pages with time; otherwise the panel need not repaint as time passes.
  at: s.session.tour ? s.at : 0,
});

/**
 * The scenario's own explanation: what to look at while it runs. When it does not fit, the first
 * page shows; on a tour, under the scenario's title, the pages follow one another in the time the
 * scenario is on screen.
 */
export function ExplainPanel({ store, width, height }: Props) {
  const { explain, title, lang, tour, at } = useSnapshot(store, select);
  const pages = explainPages(explain[lang], width - 4, height - 2);
  const page = tour ? pageAt(pages.length, at - tour.since, tour.ms) : 0;
  return (
    <Panel
      title={tour ? localize(title, lang) : strings(lang).explain}
      note={pages.length > 1 ? `${page + 1}/${pages.length}` : undefined}
      width={width}
      height={height}
    >
      {pages[page]!.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Panel>
  );
}
