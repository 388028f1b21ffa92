import { ScenarioError, type ScenarioIssue } from '../schema/errors.js';

/** A state snapshot refused before anything ran, with every problem by its path. */
export class StateError extends ScenarioError {
  constructor(source: string, issues: readonly ScenarioIssue[]) {
    super(source, issues);
    this.name = 'StateError';
    const lines = issues.map((i) => `  ${i.path || '(document)'}: ${i.message}`);
    this.message = `${source} is not a valid hospital state (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
  }
}
