/**
 * A whole-number field that keeps what is typed while typing (clearing "10"
 * and typing "20" gives 20, not 120) and applies it, held within its range,
 * when the user leaves the field or presses Enter.
 */
import { useEffect, useState } from 'react';

interface Props {
  value: number;
  min: number;
  max: number;
  disabled?: boolean;
  testid?: string;
  onChange: (value: number) => void;
}

export function NumberField({ value, min, max, disabled, testid, onChange }: Props) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = (): void => {
    const n = Math.round(Number(text));
    const next = text.trim() === '' || !Number.isFinite(n) ? value : Math.max(min, Math.min(max, n));
    setText(String(next));
    if (next !== value) onChange(next);
  };
  return (
    <input
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      value={text}
      disabled={disabled}
      data-testid={testid}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
