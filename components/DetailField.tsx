import { Box, Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import type { Colour } from '../src/view/theme.js';

export type Props = {
  /** Shown on the first line only, in a column of its own. */
  readonly label: string;
  readonly labelWidth: number;
  /** The text, already wrapped to the width beside the label; lines past `maxLines` are cut with `…`. */
  readonly lines: readonly string[];
  readonly maxLines?: number;
  readonly colour?: Colour;
};

/** One labelled fact of the detail view: `awaits      Future-1 (f3, pending)`. */
export function DetailField({ label, labelWidth, lines, maxLines = lines.length, colour }: Props) {
  const theme = useTheme();
  const cut = lines.length > maxLines;
  const shown = cut ? [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]} …`] : lines;
  return (
    <>
      {shown.map((line, i) => (
        <Box key={i} height={1} flexShrink={0}>
          <Box width={labelWidth} flexShrink={0}>
            <Text color={theme.muted}>{i === 0 ? label : ''}</Text>
          </Box>
          <Text wrap="truncate-end" color={colour}>
            {line}
          </Text>
        </Box>
      ))}
    </>
  );
}
