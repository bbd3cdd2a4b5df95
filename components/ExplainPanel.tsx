import { Text } from 'ink';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { strings } from '../src/i18n.js';
import type { DashboardSnapshot, SnapshotSource } from '../src/store.js';
import { Panel } from './Panel.js';

export type Props = {
  readonly store: SnapshotSource;
  readonly width: number;
  /** Rows, borders included. */
  readonly height: number;
};

const select = (s: DashboardSnapshot) => ({ explain: s.session.scenario.explain, lang: s.session.lang });

/** The scenario's own explanation: what to look at while it runs. */
export function ExplainPanel({ store, width, height }: Props) {
  const { explain, lang } = useSnapshot(store, select);
  return (
    <Panel title={strings(lang).explain} width={width} height={height} clipped>
      {explain[lang].map((line, i) => (
        <Text key={i}>{`• ${line}`}</Text>
      ))}
    </Panel>
  );
}
