/** A field that applies its value when the user leaves it or presses Enter, not at every keystroke. */
import { useEffect, useState } from 'react';

interface Props {
  value: string | number;
  onCommit: (value: string) => void;
  type?: 'text' | 'number';
  width?: string;
  label: string;
  testid?: string;
}

export function CommitInput({ value, onCommit, type = 'text', width, label, testid }: Props) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = (): void => {
    if (text !== String(value)) onCommit(text);
  };
  return (
    <input
      type={type}
      aria-label={label}
      data-testid={testid}
      value={text}
      style={width ? { width } : undefined}
      min={type === 'number' ? 0 : undefined}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
