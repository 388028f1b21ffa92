/** An edited scenario as a file the CLI runs (`hospital-twin run file.yaml`). */
import { stringify } from 'yaml';
import type { Scenario } from '../../../scenarios/index.js';

export function scenarioYaml(s: Scenario, changes: readonly string[] = []): string {
  const header = [`# ${s.name}: exported from the Hospital Twin viewer`, ...changes.map((c) => `#   changed: ${c}`), ''].join('\n');
  return header + stringify(s, { lineWidth: 0 });
}

export function scenarioJson(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

/** Offers text as a download. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
