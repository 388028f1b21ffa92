/**
 * Horizontal bars from a zero line (so negative values, such as a loss, go
 * left of it), each with its 95% interval as a whisker and its value written
 * at the end: the number, not the colour, carries the meaning.
 */
export interface Bar {
  key: string;
  label: string;
  value: number;
  /** NaN when there is no interval. */
  lo: number;
  hi: number;
  tone: 'loss' | 'gain' | 'unclear' | 'plain';
  text: string;
  /** The sum of the rows above: set apart by a rule. */
  total?: boolean;
}

export function BarChart({ title, bars, testId }: { title: string; bars: Bar[]; testId: string }) {
  const finite = (x: number): boolean => Number.isFinite(x);
  const all = bars.flatMap((b) => [b.value, b.lo, b.hi]).filter(finite);
  const min = Math.min(0, ...all);
  const max = Math.max(0, ...all);
  const span = max - min || 1;
  const at = (v: number): number => ((v - min) / span) * 100;
  const zero = at(0);
  return (
    <figure className="hbars" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {bars.map((b) => (
        <div key={b.key} className={b.total ? 'hbar-row total' : 'hbar-row'} data-testid={`${testId}-${b.key}`}>
          <span className="hbar-label" title={b.label}>
            {b.label}
          </span>
          <span className="hbar-track" aria-hidden="true">
            <i className="hbar-zero" style={{ left: `${zero}%` }} />
            <i className={`hbar ${b.tone}`} style={{ left: `${Math.min(zero, at(b.value))}%`, width: `${Math.abs(at(b.value) - zero)}%` }} />
            {finite(b.lo) && finite(b.hi) && <i className="hbar-ci" style={{ left: `${at(b.lo)}%`, width: `${Math.max(0.3, at(b.hi) - at(b.lo))}%` }} />}
          </span>
          <span className={`hbar-text ${b.tone}`}>{b.text}</span>
        </div>
      ))}
    </figure>
  );
}
