import { isMap, LineCounter, parseAllDocuments, visit, type Document } from 'yaml';
import { formatPath } from './schema/errors.js';
import { INPUT_LIMITS, sizeInWords, tooDeep, tooLong } from './limits.js';

/**
 * The data in the text of a JSON or YAML file (a scenario, a sweep, a mapping),
 * not yet validated, or the one problem that stops it being read, with its line.
 * The same rules for every such file: a byte-order mark is skipped in both
 * forms; YAML is read with the core schema (a tag asking for anything but
 * plain data is an error, never code); a second YAML document is refused, not
 * ignored; a key given twice is refused (checked in time linear in the keys);
 * and the size, nesting and list length limits hold.
 */
export function readDataText(text: string, format: 'json' | 'yaml'): { document: unknown } | { problem: string } {
  if (text.length > INPUT_LIMITS.documentBytes)
    return { problem: `is larger than the ${sizeInWords(INPUT_LIMITS.documentBytes)} a scenario, sweep or mapping file may be` };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let document: unknown;
  if (format === 'json') {
    try {
      document = JSON.parse(body);
    } catch (e) {
      return { problem: `cannot be read as JSON: ${e instanceof Error ? e.message.split('\n')[0]! : String(e)}` };
    }
  } else {
    const read = readYaml(body);
    if ('problem' in read) return read;
    document = read.document;
  }
  const deep = tooDeep(document);
  if (deep)
    return {
      problem: `is nested more than ${INPUT_LIMITS.nestingDepth} deep (at ${formatPath(deep.slice(0, 8))}...): no scenario, sweep or mapping needs that`,
    };
  const long = tooLong(document);
  if (long)
    return {
      problem: `has a list of ${long.items.toLocaleString('en')} items at ${formatPath(long.path) || 'its top'}, more than the ${INPUT_LIMITS.listItems.toLocaleString('en')} a list may hold`,
    };
  return { document };
}

function readYaml(text: string): { document: unknown } | { problem: string } {
  const lines = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { schema: 'core', logLevel: 'silent', uniqueKeys: false, lineCounter: lines }) as Document.Parsed[];
  } catch (e) {
    return {
      problem: `cannot be read as YAML: ${e instanceof RangeError ? 'it is nested too deeply' : e instanceof Error ? e.message.split('\n')[0]! : String(e)}`,
    };
  }
  if (!Array.isArray(docs)) docs = [];
  const doc = docs[0];
  if (!doc) return { document: null };
  for (const d of docs) {
    const problem = d.errors[0] ?? d.warnings[0];
    if (problem) {
      const where = problem.linePos ? ` at line ${problem.linePos[0].line}, column ${problem.linePos[0].col}` : '';
      return { problem: `cannot be read as YAML${where}: ${problem.message.split('\n')[0]!}` };
    }
  }
  if (docs.length > 1) {
    const second = docs[1]!.range[0];
    return { problem: `holds ${docs.length} YAML documents (a second begins at line ${lines.linePos(second).line}); a file must hold one` };
  }
  const duplicate = firstDuplicateKeyOrTooManyAliases(doc, lines);
  if (duplicate) return { problem: duplicate };
  try {
    return { document: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (e) {
    return {
      problem: `cannot be read as YAML: ${e instanceof RangeError ? 'it is nested too deeply' : e instanceof Error ? e.message.split('\n')[0]! : String(e)}`,
    };
  }
}

/**
 * A key given twice in one map, with its line (a set per map, so the check is
 * linear in the keys); or more aliases than the limit, counted before any is
 * resolved: the yaml library looks each alias's anchor up by walking the
 * document, so tens of thousands of aliases take time in the square of the file.
 */
function firstDuplicateKeyOrTooManyAliases(doc: Document.Parsed, lines: LineCounter): string | undefined {
  let found: string | undefined;
  let aliases = 0;
  visit(doc, {
    Alias(_key, alias) {
      aliases += 1;
      if (aliases <= INPUT_LIMITS.yamlAliases) return undefined;
      const line = alias.range ? ` at line ${lines.linePos(alias.range[0]).line}` : '';
      found = `cannot be read as YAML${line}: more than the ${INPUT_LIMITS.yamlAliases.toLocaleString('en')} aliases (*name) a file may use`;
      return visit.BREAK;
    },
    Map(_key, map) {
      if (!isMap(map)) return undefined;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
        const name = key && typeof key === 'object' && 'value' in key ? String(key.value) : String(key);
        if (seen.has(name)) {
          const line = key?.range ? ` at line ${lines.linePos(key.range[0]).line}` : '';
          found = `cannot be read as YAML${line}: the key ${JSON.stringify(name.slice(0, 80))} is given twice in one map`;
          return visit.BREAK;
        }
        seen.add(name);
      }
      return undefined;
    },
  });
  return found;
}
