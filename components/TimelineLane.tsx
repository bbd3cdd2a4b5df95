import { Box, Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../src/hooks/use-theme.js';
import { fitLabel } from '../src/view/lane-groups.js';
import { roleColour } from '../src/view/role-colour.js';
import { sameLane, type Lane } from '../src/view/timeline.js';

export type Props = {
  readonly lane: Lane;
  readonly label: string;
  readonly labelWidth: number;
};

/**
 * One lane of the timeline: a label, then the bar drawn as coloured runs of cells. The lanes are
 * made afresh each frame, and most draw as before: such a lane is not drawn again.
 */
export const TimelineLane = memo(function TimelineLane({ lane, label, labelWidth }: Props) {
  const theme = useTheme();
  return (
    <Box height={1} flexShrink={0}>
      <Box width={labelWidth} flexShrink={0} marginRight={1}>
        <Text wrap="truncate-end" color={lane.key === 'loop' ? theme.muted : undefined}>
          {fitLabel('  '.repeat(Math.min(lane.depth, 2)) + label, labelWidth)}
        </Text>
      </Box>
      <Text wrap="truncate-end">
        {lane.segments.map((seg, i) => (
          <Text key={i} color={roleColour(theme, seg.role)}>
            {seg.text}
          </Text>
        ))}
      </Text>
    </Box>
  );
}, sameProps);

function sameProps(a: Props, b: Props): boolean {
  return a.label === b.label && a.labelWidth === b.labelWidth && sameLane(a.lane, b.lane);
}
