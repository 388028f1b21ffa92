/** A block of rows under a title; cells of every block line up in one set of columns. */
export interface TableBlock {
  title: string;
  rows: string[][];
}

/**
 * Renders blocks as aligned text, columns two spaces apart, right-aligned where
 * `rightAligned[i]`; an optional header row goes above the first block.
 */
export function renderBlocks(blocks: readonly TableBlock[], rightAligned: readonly boolean[], header?: readonly string[], indent = '  '): string {
  const widths: number[] = [];
  const measure = (row: readonly string[]): void => row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  if (header) measure(header);
  for (const b of blocks) for (const row of b.rows) measure(row);
  const line = (row: readonly string[]): string =>
    indent +
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
        return rightAligned[i] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  if (header) out.push('', line(header));
  for (const b of blocks) {
    out.push('', b.title);
    for (const row of b.rows) out.push(line(row));
  }
  return out.join('\n');
}
