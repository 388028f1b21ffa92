import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { INPUT_LIMITS, parseScenario, readDataText, ScenarioError, sizeInWords, type Scenario } from '../scenarios/index.js';
import { byFileLine, readDatedArrivalFiles } from '../workers/node.js';

/** A scenario from a .json, .yaml or .yml file on disk (Node only); a class's dated arrivals file is read from beside it. */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.yaml' && ext !== '.yml') {
    throw new ScenarioError(path, [{ path: '', message: `must be a .json, .yaml or .yml file, got "${ext || 'no extension'}"` }]);
  }
  let text: string;
  try {
    const size = (await stat(path)).size;
    if (size > INPUT_LIMITS.documentBytes) {
      throw new ScenarioError(path, [
        { path: '', message: `is ${sizeInWords(size)}, more than the ${sizeInWords(INPUT_LIMITS.documentBytes)} a scenario file may be` },
      ]);
    }
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioError(path, [{ path: '', message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})` }]);
  }
  const read = readDataText(text, ext === '.json' ? 'json' : 'yaml');
  if ('problem' in read) throw new ScenarioError(path, [{ path: '', message: read.problem }]);
  const files = await readDatedArrivalFiles(read.document, path);
  try {
    return parseScenario(read.document, path);
  } catch (e) {
    if (!(e instanceof ScenarioError) || files.size === 0) throw e;
    // A problem with a row read from a file is shown by that file's line, not by its index among the entries.
    throw new ScenarioError(path, byFileLine(e.issues, files));
  }
}
