// styledCharsToString from @alcalzone/ansi-tokenize with a short way for the usual case, for the bundle.
//
// Ink turns every changed screen row into a string by calling diffAnsiCodes between each pair of
// neighbouring cells; each call builds three Sets and two arrays, though neighbours almost always
// carry the same styles (a word in one colour, a run of blanks). When two neighbours' styles are
// the same codes in the same order, that diff is empty, so it is skipped; any other pair goes to
// the library's own diff. test/styled-chars-fast.test.ts holds it to the library's output.

/** Same codes (and end codes) in the same order: diffAnsiCodes between them is empty. */
function sameStyles(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
  }
  return true;
}

/** `ansi` gives the library's ansiCodesToString and diffAnsiCodes. */
export function fastStyledCharsToString({ ansiCodesToString, diffAnsiCodes }) {
  return function styledCharsToString(chars) {
    let text = '';
    for (let i = 0; i < chars.length; i++) {
      const char = chars[i];
      if (i === 0) {
        if (char.styles.length > 0) text += ansiCodesToString(char.styles);
      } else {
        const before = chars[i - 1].styles;
        if (!sameStyles(before, char.styles)) text += ansiCodesToString(diffAnsiCodes(before, char.styles));
      }
      text += char.value;
      // Styles still on at the end of the row are turned off.
      if (i === chars.length - 1 && char.styles.length > 0) text += ansiCodesToString(diffAnsiCodes(char.styles, []));
    }
    return text;
  };
}
