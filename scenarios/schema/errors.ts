/** One problem in a scenario document, at a path such as `operatingRooms[1].sessions[0].end`. */
export interface ScenarioIssue {
  path: string;
  message: string;
}

/** A scenario refused before anything ran, with every problem found. */
export class ScenarioError extends Error {
  readonly issues: readonly ScenarioIssue[];
  readonly source: string;

  constructor(source: string, issues: readonly ScenarioIssue[]) {
    // The first hundred problems: a file of 40,000 unknown keys needs no 40,000-line answer.
    const lines = issues.slice(0, 100).map((i) => `  ${i.path || '(document)'}: ${i.message}`);
    if (issues.length > 100) lines.push(`  ... and ${issues.length - 100} more`);
    super(`${source} is not a valid scenario (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'ScenarioError';
    this.issues = issues;
    this.source = source;
  }
}

/** `["operatingRooms", 1, "sessions", 0, "end"]` → `operatingRooms[1].sessions[0].end`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$-]*$/.test(name) ? (out ? `.${name}` : name) : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}
