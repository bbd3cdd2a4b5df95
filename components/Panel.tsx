import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useTheme } from '../src/hooks/use-theme.js';
import { clip } from '../src/text/format.js';
import type { SnapshotSource } from '../src/dashboard/store.js';

/** What every panel of the dashboard is given: the store it reads, and the box it is drawn in. */
export type StorePanelProps = {
  readonly store: SnapshotSource;
  readonly width: number;
  /** Rows, borders included. */
  readonly height: number;
};

export type Props = {
  /** Shown in the top border. */
  readonly title: string;
  /** Shown at the right of the top border: counts, a status. */
  readonly note?: string;
  /** The note comes first when both do not fit, the title keeping TITLE_MIN (else the title comes first). */
  readonly keepNote?: boolean;
  /** Shown in the bottom border, so that it costs no row: what is above and below a list. */
  readonly footnote?: string;
  readonly width: number;
  /** Rows, borders included. */
  readonly height: number;
  /**
   * Cut children that overflow (wrapped prose). Off by default: clipping makes Ink measure and
   * slice every line of the panel on every frame, and the other panels render only what fits.
   */
  readonly clipped?: boolean;
  /** Shown in the bottom border (a legend): `width` columns of it, which must fit in the panel's width less 6. */
  readonly footer?: { readonly node: ReactNode; readonly width: number };
  readonly children?: ReactNode;
};

/** Columns a title keeps when its note is kept: enough to tell the panel (`Tasks & f…`). */
const TITLE_MIN = 10;

/**
 * Columns the title of a panel `width` wide may take of its top border: all of it, or, when the
 * note is to be kept (counts), all but what the note needs, down to TITLE_MIN.
 */
export function titleRoom(width: number, note: string | undefined, keepNote: boolean): number {
  const room = width - 6; // '╭─ ' + ' ─╮'
  return note && keepNote ? Math.max(room - note.length - 2, Math.min(TITLE_MIN, room)) : room;
}

/**
 * A bordered panel whose title sits in its top border, and its footer or footnote (if any) in the
 * bottom one, so neither costs a row. Children get `width - 4` columns and `height - 2` rows.
 */
export function Panel({ title, note, keepNote = false, footnote, width, height, clipped = false, footer, children }: Props) {
  const theme = useTheme();
  const room = width - 6; // '╭─ ' + ' ─╮'
  const bottom = footer ?? (footnote ? { node: <Text color={theme.muted}>{clip(footnote, room)}</Text>, width: Math.min(footnote.length, room) } : undefined);
  const shownTitle = clip(title, titleRoom(width, note, keepNote));
  const shownNote = note ? clip(note, Math.max(0, room - shownTitle.length - 2)) : '';
  const fill = Math.max(1, room - shownTitle.length - (shownNote ? shownNote.length + 2 : 0) + 1);
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      <Text wrap="truncate">
        <Text color={theme.border}>╭─ </Text>
        <Text bold color={theme.title}>
          {shownTitle}
        </Text>
        <Text color={theme.border}>{` ${'─'.repeat(fill - 1)}`}</Text>
        {shownNote ? <Text color={theme.muted}>{` ${shownNote} `}</Text> : null}
        <Text color={theme.border}>─╮</Text>
      </Text>
      <Box
        borderStyle="round"
        borderTop={false}
        borderBottom={!bottom}
        borderColor={theme.border}
        paddingX={1}
        width={width}
        height={bottom ? height - 2 : height - 1}
        flexDirection="column"
        overflow={clipped ? 'hidden' : 'visible'}
      >
        {children}
      </Box>
      {bottom ? (
        <Text wrap="truncate">
          <Text color={theme.border}>╰─ </Text>
          {bottom.node}
          <Text color={theme.border}>{` ${'─'.repeat(Math.max(0, room - bottom.width))}─╯`}</Text>
        </Text>
      ) : null}
    </Box>
  );
}
