// Ink's Output.get() for the bundle, with each screen row's string remembered between frames.
//
// Ink 6 builds every frame as a grid of cell objects (one per column and row, made afresh) and
// then turns each row back into a string with its colour codes, cell by cell. Most rows of a
// dashboard frame are the same as in the frame before, yet that was about a third of a frame on a
// large terminal. A row's string depends only on what was written into it: which texts, at which
// columns, in which order. With the bundle's memo of tokenized lines, the same text is the same
// array of styled characters from frame to frame, so a row is named by the columns and identities
// of its writes, and a row seen before is not built again. What a row holds when it is built is
// exactly what Ink's own get() makes of it (test/ink-output-rows.test.ts compares the two).

/** A number for each styled-characters array, never reused (a WeakMap, so arrays can go). */
const ids = new WeakMap();
let nextId = 0;
function idOf(characters) {
  let id = ids.get(characters);
  if (id === undefined) {
    id = nextId++;
    ids.set(characters, id);
  }
  return id;
}

/** Row strings by the writes that made them; cleared when full, like the bundle's other memos. */
const rows = new Map();
const MAX_ROWS = 4096;

/**
 * The same as Ink's Output#get(), for `output` (an Ink Output). `ink` gives what Ink's module
 * imports: sliceAnsi and styledCharsToString.
 */
export function outputRows(output, { sliceAnsi, styledCharsToString }) {
  const { width, caches } = output;
  // Ink's grid has a row for each whole y from 0 while y < height (none for a negative or NaN one).
  const height = output.height > 0 ? Math.ceil(output.height) : 0;
  /** Per row: [x, characters, x, characters, ...] in write order. */
  const writes = new Array(height);
  const clips = [];
  for (const operation of output.operations) {
    if (operation.type === 'clip') clips.push(operation.clip);
    if (operation.type === 'unclip') clips.pop();
    if (operation.type !== 'write') continue;
    const { text, transformers } = operation;
    let { x, y } = operation;
    let lines = text.split('\n');
    const clip = clips.at(-1);
    if (clip) {
      const clipHorizontally = typeof clip?.x1 === 'number' && typeof clip?.x2 === 'number';
      const clipVertically = typeof clip?.y1 === 'number' && typeof clip?.y2 === 'number';
      if (clipHorizontally) {
        const lineWidth = caches.getWidestLine(text);
        if (x + lineWidth < clip.x1 || x > clip.x2) continue;
      }
      if (clipVertically) {
        if (y + lines.length < clip.y1 || y > clip.y2) continue;
      }
      if (clipHorizontally) {
        lines = lines.map((line) => {
          const from = x < clip.x1 ? clip.x1 - x : 0;
          const lineWidth = caches.getStringWidth(line);
          const to = x + lineWidth > clip.x2 ? clip.x2 - x : lineWidth;
          return sliceAnsi(line, from, to);
        });
        if (x < clip.x1) x = clip.x1;
      }
      if (clipVertically) {
        const from = y < clip.y1 ? clip.y1 - y : 0;
        const to = y + lines.length > clip.y2 ? clip.y2 - y : lines.length;
        lines = lines.slice(from, to);
        if (y < clip.y1) y = clip.y1;
      }
    }
    let offsetY = 0;
    for (let [index, line] of lines.entries()) {
      const row = y + offsetY;
      // Ink skips lines outside its grid (its grid has rows 0..height-1 only).
      if (!(row >= 0 && row < height && Number.isInteger(row))) continue;
      for (const transformer of transformers) line = transformer(line, index);
      (writes[row] ??= []).push(x, caches.getStyledChars(line));
      offsetY++;
    }
  }
  const text = new Array(height);
  for (let row = 0; row < height; row++) {
    const list = writes[row];
    if (list === undefined) {
      text[row] = '';
      continue;
    }
    let key = `${width}`;
    for (let i = 0; i < list.length; i += 2) key += `,${list[i]}:${idOf(list[i + 1])}`;
    let built = rows.get(key);
    if (built === undefined) {
      built = buildRow(width, list, caches, styledCharsToString);
      if (rows.size >= MAX_ROWS) rows.clear();
      rows.set(key, built);
    }
    text[row] = built;
  }
  return { output: text.join('\n'), height };
}

/** One row as Ink builds it: blank cells, each write laid over them in order, then to a string. */
function buildRow(width, list, caches, styledCharsToString) {
  const cells = [];
  for (let x = 0; x < width; x++) cells.push({ type: 'char', value: ' ', fullWidth: false, styles: [] });
  for (let i = 0; i < list.length; i += 2) {
    let offsetX = list[i];
    for (const character of list[i + 1]) {
      cells[offsetX] = character;
      const characterWidth = Math.max(1, caches.getStringWidth(character.value));
      for (let index = 1; index < characterWidth; index++) {
        cells[offsetX + index] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
      }
      offsetX += characterWidth;
    }
  }
  return styledCharsToString(cells.filter((item) => item !== undefined)).trimEnd();
}
