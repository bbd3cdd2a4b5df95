// string-width with a short way for the dashboard's usual text, for the bundle.
//
// string-width splits any text that is not plain ASCII into grapheme clusters and tests each one
// against emoji patterns: a timeline bar or a sparkline of block characters, new every frame, cost
// more to measure than to draw. A text's width is the sum of its clusters' widths, and when every
// character of it stands alone (a cluster of its own whatever is next to it), that is the sum of
// its characters' widths. Whether a character stands alone, and its width, are asked of
// Intl.Segmenter and string-width themselves, once per character, the first time it is seen.
// Anything else (colour codes, surrogate pairs, controls, marks that join) goes to string-width.

const segmenter = new Intl.Segmenter();
const clusters = (text) => {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
};

/** Returns `width(text)`, exact as `stringWidth(text)` (test/string-width-fast.test.ts holds it to that). */
export function fastStringWidth(stringWidth) {
  /** Per UTF-16 unit: 0 not yet asked, 255 not alone (or not handled here), else width + 1. */
  const known = new Uint8Array(0x10000);
  const ask = (code) => {
    const c = String.fromCharCode(code);
    const alone = clusters(`a${c}`) === 2 && clusters(`${c}a`) === 2 && clusters(`${c}${c}`) === 2;
    return (known[code] = alone ? stringWidth(c) + 1 : 255);
  };
  // Controls (C0, DEL, C1: CR LF is one cluster, ESC and CSI start colour codes) and surrogates.
  for (let code = 0; code < 0x20; code++) known[code] = 255;
  for (let code = 0x7f; code < 0xa0; code++) known[code] = 255;
  for (let code = 0xd800; code < 0xe000; code++) known[code] = 255;
  return (text) => {
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x7f && code >= 0x20) {
        width++;
        continue;
      }
      let k = known[code];
      if (k === 0) k = ask(code);
      if (k === 255) return stringWidth(text);
      width += k - 1;
    }
    return width;
  };
}
