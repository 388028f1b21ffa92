/**
 * Where the CSV parser's records lie in the file, to refuse a log that would
 * otherwise lose most of its lines quietly: one quote never closed makes the
 * rest of the file one field (a single bad row, or none), and the rows then
 * stop long before the file does.
 */

/** Rows may run over this many physical lines (a note with line breaks); more is a quote never closed. */
export const MAX_LINES_PER_ROW = 20;

export class RecordExtent {
  private lastLine = 0;
  private longest: { start: number; end: number } | undefined;
  private unclosed: number | undefined;

  /** A record from line `start` to line `end` of the file (1 = the header); `unclosed` if it ended in a quote never closed. */
  add(start: number, end: number, unclosed: boolean): void {
    this.lastLine = Math.max(this.lastLine, end);
    if (unclosed && this.unclosed === undefined) this.unclosed = start;
    if (end - start + 1 > MAX_LINES_PER_ROW && (!this.longest || end - start > this.longest.end - this.longest.start)) this.longest = { start, end };
  }

  /** Why the file cannot be read whole, naming the line, or undefined when every line is in a row. */
  problem(text: string): string | undefined {
    const lines = lineCount(text);
    if (this.unclosed !== undefined) {
      return `line ${this.unclosed}: a quote opened on this line is never closed, so lines ${this.unclosed} to ${lines} would be read as one field; refusing rather than losing them (close the quote, or double a quote inside a quoted field)`;
    }
    if (this.longest) {
      const { start, end } = this.longest;
      return `line ${start}: one row runs over lines ${start} to ${end} (${end - start + 1} lines; at most ${MAX_LINES_PER_ROW} allowed), so a quote opened there is probably closed only much later; refusing rather than losing those lines`;
    }
    if (this.lastLine > 0 && lines > this.lastLine) {
      return `the rows stop at line ${this.lastLine}, but the file has ${lines} lines; refusing rather than losing lines ${this.lastLine + 1} to ${lines}`;
    }
    return undefined;
  }
}

/** Lines of text up to its last one that is not empty (a trailing line break ends a line, it does not start one). */
function lineCount(text: string): number {
  const body = text.replace(/[\r\n\t ]+$/, '');
  if (body === '') return 0;
  let n = 1;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (body.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}
