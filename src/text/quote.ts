/** How much of a value an error message quotes back: enough to recognise it, not a screenful. */
export const QUOTE_MAX = 80;

/** Escapes as JSON writes them; every other control character becomes `\xNN`. */
const NAMED: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/**
 * What the user typed (an argument, a value, a path), as an error message quotes it back: between
 * single quotes, made printable and cut to about 80 characters (see printable). Every message
 * that shows user input goes through here.
 */
export function quote(value: string): string {
  return `'${printable(value, QUOTE_MAX)}'`;
}

/**
 * `text` safe to print on a terminal, at most `max` characters: control characters (C0, DEL and
 * C1) escaped, so an ESC in an argument cannot restyle or rewrite the screen, and a backslash
 * doubled, so an escape cannot be told from the same text typed; a longer text is cut and ends
 * in `…` (a 100 KB argument is not echoed whole).
 */
export function printable(text: string, max: number): string {
  let shown = '';
  let width = 0;
  // The longest start that leaves room for the ellipsis, should the text turn out too long.
  let cut = '';
  for (const char of text) {
    const piece = escaped(char);
    width += piece === char ? 1 : piece.length;
    if (width > max) return `${cut}…`;
    shown += piece;
    if (width < max) cut = shown;
  }
  return shown;
}

function escaped(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  // C1 too: some terminals read 0x9b alone as the start of a control sequence.
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `\\x${code.toString(16).padStart(2, '0')}`;
  return char;
}
