/**
 * Writing XES (IEEE 1849), trace by trace, as text lines: the Concept, Time,
 * Lifecycle and Organizational extensions declared, one element per typed
 * attribute. Used by `export-log --format xes` and by the Sepsis log's
 * conversion back to XES (its original format).
 */
export type XesType = 'string' | 'date' | 'int' | 'float' | 'boolean' | 'id';

export interface XesAttribute {
  key: string;
  type: XesType;
  value: string;
}

export interface XesTrace {
  attributes: XesAttribute[];
  events: XesAttribute[][];
}

export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const attribute = (a: XesAttribute): string => `<${a.type} key="${xmlEscape(a.key)}" value="${xmlEscape(a.value)}"/>`;

/** The log's opening: declaration, extensions, globals, classifiers, and the log's own attributes. */
export function xesHeader(logAttributes: XesAttribute[] = []): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">',
    '  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>',
    '  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>',
    '  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>',
    '  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>',
    '  <global scope="trace">',
    '    <string key="concept:name" value="__INVALID__"/>',
    '  </global>',
    '  <global scope="event">',
    '    <string key="concept:name" value="__INVALID__"/>',
    '    <date key="time:timestamp" value="1970-01-01T00:00:00.000+00:00"/>',
    '    <string key="lifecycle:transition" value="complete"/>',
    '  </global>',
    '  <classifier name="Activity" keys="concept:name"/>',
    '  <classifier name="Activity and transition" keys="concept:name lifecycle:transition"/>',
    ...logAttributes.map((a) => `  ${attribute(a)}`),
    '',
  ].join('\n');
}

export function xesTrace(t: XesTrace): string {
  const lines = ['  <trace>', ...t.attributes.map((a) => `    ${attribute(a)}`)];
  for (const e of t.events) lines.push('    <event>', ...e.map((a) => `      ${attribute(a)}`), '    </event>');
  lines.push('  </trace>', '');
  return lines.join('\n');
}

export const XES_FOOTER = '</log>\n';
