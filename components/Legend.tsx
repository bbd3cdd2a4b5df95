import { Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import type { LegendItem } from '../src/view/legend.js';
import { roleColour } from '../src/view/role-colour.js';

export type Props = {
  readonly items: readonly LegendItem[];
};

/** The timeline's legend: each glyph on screen in its lane colour, and what it means. */
export function Legend({ items }: Props) {
  const theme = useTheme();
  return (
    <Text>
      {items.map((item, i) => (
        <Text key={item.role}>
          {i > 0 ? '  ' : ''}
          <Text color={roleColour(theme, item.role)}>{item.glyph}</Text>
          {item.word ? <Text color={theme.muted}>{` ${item.word}`}</Text> : null}
        </Text>
      ))}
    </Text>
  );
}
