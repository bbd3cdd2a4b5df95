/** Words of `text` in lines of at most `width` columns; a word longer than a line is cut across lines. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The bullets of an explanation laid out in pages of `rows` lines of `width` columns: `• ` before
 * each bullet, its wrapped lines indented under it, whole bullets per page. A bullet taller than
 * a page gets a page of its own, cut with `…`.
 */
export function explainPages(bullets: readonly string[], width: number, rows: number): string[][] {
  if (width < 3 || rows < 1) return [[]];
  const pages: string[][] = [];
  let page: string[] = [];
  for (const bullet of bullets) {
    let lines = wrapWords(bullet, width - 2).map((l, i) => (i === 0 ? `• ${l}` : `  ${l}`));
    if (lines.length > rows) {
      lines = lines.slice(0, rows);
      const last = lines[rows - 1]!;
      lines[rows - 1] = last.length < width ? `${last}…` : `${last.slice(0, width - 1)}…`;
    }
    if (page.length > 0 && page.length + lines.length > rows) {
      pages.push(page);
      page = [];
    }
    page.push(...lines);
  }
  pages.push(page);
  return pages;
}

/** The page to show `elapsed` ms into `total` ms on screen: each page gets an equal share, the last stays. */
export function pageAt(pages: number, elapsed: number, total: number): number {
  if (pages <= 1 || total <= 0) return 0;
  return Math.min(pages - 1, Math.max(0, Math.floor((elapsed / total) * pages)));
}
