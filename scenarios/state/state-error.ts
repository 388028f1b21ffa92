import { ScenarioError, type ScenarioIssue } from '../schema/errors.js';

/** A state snapshot refused before anything ran, with every problem by its path. */
export class StateError extends ScenarioError {
  constructor(source: string, issues: readonly ScenarioIssue[]) {
    super(source, issues);
    this.name = 'StateError';
    // The first hundred, as for a scenario: a million bad rows need no million-line answer.
    const lines = issues.slice(0, 100).map((i) => `  ${i.path || '(document)'}: ${i.message}`);
    if (issues.length > 100) lines.push(`  ... and ${issues.length - 100} more`);
    this.message = `${source} is not a valid hospital state (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
  }
}
