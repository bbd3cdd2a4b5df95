/**
 * Just enough of a terminal to check what Ink's output leaves on screen: text (a line too long
 * wraps onto the next row), `\r`, `\n` (as a terminal with ONLCR shows it: back to column 1 and
 * down, scrolling at the bottom), and the sequences Ink uses (cursor up/down/column, erase line,
 * erase screen); colours and modes are ignored.
 */
export class VirtualTerminal {
  #lines: string[][];
  #x = 0;
  #y = 0;

  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    this.#lines = Array.from({ length: rows }, () => []);
  }

  write(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (ch === '\u001B') {
        const match = /^\u001B\[(\??)([0-9;]*)([A-Za-z])/.exec(data.slice(i));
        if (!match) throw new Error(`unknown escape at ${JSON.stringify(data.slice(i, i + 8))}`);
        i += match[0].length - 1;
        if (!match[1]) this.#csi(match[3]!, match[2] ? Number(match[2].split(';')[0]) : undefined);
      } else if (ch === '\r') this.#x = 0;
      else if (ch === '\n') this.#newline();
      else {
        if (this.#x >= this.columns) this.#newline();
        this.#lines[this.#y]![this.#x++] = ch;
      }
    }
  }

  /** The screen, one string per row, trailing spaces cut. */
  screen(): string[] {
    return this.#lines.map((line) => Array.from({ length: line.length }, (_, i) => line[i] ?? ' ').join('').trimEnd());
  }

  #newline(): void {
    this.#x = 0;
    if (this.#y < this.rows - 1) this.#y++;
    else this.#lines = [...this.#lines.slice(1), []];
  }

  #csi(final: string, n: number | undefined): void {
    switch (final) {
      case 'A':
        this.#y = Math.max(0, this.#y - (n ?? 1));
        return;
      case 'B':
        this.#y = Math.min(this.rows - 1, this.#y + (n ?? 1));
        return;
      case 'G':
        this.#x = (n ?? 1) - 1;
        return;
      case 'K':
        if (n === 2) this.#lines[this.#y] = [];
        else this.#lines[this.#y] = this.#lines[this.#y]!.slice(0, this.#x);
        return;
      case 'J':
        if (n === 2) this.#lines = Array.from({ length: this.rows }, () => []);
        return;
      case 'H':
        this.#x = 0;
        this.#y = 0;
        return;
      case 'm':
        return;
      default:
        throw new Error(`unsupported sequence ${final}`);
    }
  }
}
