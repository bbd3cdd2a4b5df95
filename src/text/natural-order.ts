const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Compares names as people sort them: `car-9` before `car-10`, `Bad` beside `bad` (ASCII letters
 * without regard to case; runs of digits by their value). No allocation: a table sorts 100,000 with it.
 */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(j);
    if (isDigit(x) && isDigit(y)) {
      // Leading zeros aside, the longer run of digits is the larger number; else the first digit that differs.
      while (a.charCodeAt(i) === 48 && isDigit(a.charCodeAt(i + 1))) i++;
      while (b.charCodeAt(j) === 48 && isDigit(b.charCodeAt(j + 1))) j++;
      let ei = i;
      let ej = j;
      while (isDigit(a.charCodeAt(ei))) ei++;
      while (isDigit(b.charCodeAt(ej))) ej++;
      if (ei - i !== ej - j) return ei - i - (ej - j);
      for (; i < ei; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return a.charCodeAt(i) - b.charCodeAt(j);
      continue;
    }
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return x - y;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}
