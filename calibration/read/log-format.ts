/**
 * Which reader a log needs: XES (`.xes`, `.xes.gz`), OCEL 2.0 JSON
 * (`.jsonocel`, `.ocel.json`) or XML (`.xmlocel`, `.ocel.xml`), or CSV; by the
 * file's name, else by its first characters (an XML `<log>` with traces is XES,
 * with object types OCEL; a JSON object is OCEL), else CSV.
 */
import type { Mapping } from './mapping.js';
import { readFlatTable } from './flat-table.js';
import { caseObjectType, flattenOcel, readOcelJson, readOcelXml } from './ocel.js';
import { readEventLog, type EventLog } from './read-log.js';
import { readXesTable } from './xes.js';

export type LogFormat = 'csv' | 'xes' | 'ocel-json' | 'ocel-xml';

export function logFormat(source: string, text: string): LogFormat {
  const name = source.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.xes')) return 'xes';
  if (name.endsWith('.jsonocel') || name.endsWith('.ocel.json')) return 'ocel-json';
  if (name.endsWith('.xmlocel') || name.endsWith('.ocel.xml')) return 'ocel-xml';
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{')) return 'ocel-json';
  if (head.startsWith('<')) return /<object-types\b|<objects\b|<events\b/.test(head) ? 'ocel-xml' : 'xes';
  return 'csv';
}

/** Reads a log of any of these formats with the mapping (see flat-table.ts for the column names of XES and OCEL). */
export function readAnyEventLog(text: string, mapping: Mapping, source = 'log'): EventLog {
  const format = logFormat(source, text);
  switch (format) {
    case 'csv':
      return readEventLog(text, mapping, source);
    case 'xes':
      return readFlatTable(readXesTable(text, source), mapping, source, 'XES log');
    case 'ocel-json':
    case 'ocel-xml': {
      const caseType = caseObjectType(mapping.columns.case, source);
      const log = format === 'ocel-json' ? readOcelJson(text, source) : readOcelXml(text, source);
      return readFlatTable(flattenOcel(log, caseType, source), mapping, source, 'OCEL log');
    }
  }
}
