/**
 * HL7 v2 text the twin writes: ADT messages (for `feed`, demos and tests) and
 * the ACK it answers each message with (MSA-1 AA stored, AE not stored, AR
 * refused; MSA-3 the reason).
 */
import type { AdtEvent } from './adt-event.js';

export type AckCode = 'AA' | 'AE' | 'AR';

/** An ADT message's fields: the event the twin applies, and the patient's identifier it never logs. */
export interface AdtFields extends AdtEvent {
  /** PID-3, the patient's identifier (never logged by the service). */
  patient?: string;
}

/** "YYYY-MM-DDTHH:MM[:SS]" to HL7 TS "YYYYMMDDHHMMSS". */
export function toHl7Time(local: string): string {
  const digits = local.replace(/[-T:]/g, '');
  return digits.length === 12 ? `${digits}00` : digits.slice(0, 14);
}

/** Escapes HL7's delimiters in a value (\F\ \S\ \T\ \R\ \E\). */
function esc(value: string): string {
  return value.replace(/\\/g, '\\E\\').replace(/\|/g, '\\F\\').replace(/\^/g, '\\S\\').replace(/~/g, '\\R\\').replace(/&/g, '\\T\\').replace(/\r|\n/g, ' ');
}

/** A segment from its fields by HL7 position (fields[1] is field 1). */
function segment(name: string, fields: Record<number, string>): string {
  const last = Math.max(0, ...Object.keys(fields).map(Number));
  const parts = [name];
  for (let i = 1; i <= last; i++) parts.push(fields[i] ?? '');
  return parts.join('|');
}

/** An ADT message (segments joined by CR, as HL7 v2 requires). */
export function adtMessage(a: AdtFields): string {
  const t = toHl7Time(a.eventTime);
  const msh = `MSH|^~\\&|HOSPITAL-TWIN-FEED|FEED|HOSPITAL-TWIN|TWIN|${t}||ADT^${a.trigger}^ADT_A01|${esc(a.controlId)}|P|2.5`;
  const evn = segment('EVN', { 1: a.trigger, 2: t });
  const pid = segment('PID', { 1: '1', 3: a.patient ? `${esc(a.patient)}^^^HOSP^MR` : '', 5: 'ANONYMOUS' });
  const pv1 = segment('PV1', {
    1: '1',
    2: esc(a.patientClass ?? ''),
    3: a.location ? esc(a.location) : '',
    10: esc(a.service ?? ''),
    19: esc(a.visit),
    44: a.admitTime ? toHl7Time(a.admitTime) : '',
  });
  const segments = [msh, evn, pid, pv1];
  if (a.expectedAt) segments.push(segment('PV2', { 8: toHl7Time(a.expectedAt) }));
  return segments.join('\r');
}

/** The ACK for a message whose MSH-10 was `controlId` (empty if it had none readable). */
export function ackMessage(code: AckCode, controlId: string, text: string, at: string): string {
  const t = toHl7Time(at);
  const reason = esc(text).slice(0, 200);
  const lines = [`MSH|^~\\&|HOSPITAL-TWIN|TWIN|||${t}||ACK|ACK-${esc(controlId).slice(0, 190)}|P|2.5`, `MSA|${code}|${esc(controlId)}|${reason}`];
  if (code !== 'AA') lines.push(`ERR|||${code === 'AR' ? '207' : '204'}|E||||${reason}`);
  return lines.join('\r');
}

/** MSA-1 and MSA-2 of an ACK's text. */
export function readAck(text: string): { code: string; controlId: string; text: string } | undefined {
  const msa = text.split('\r').find((s) => s.startsWith('MSA|'));
  if (!msa) return undefined;
  const [, code = '', controlId = '', reason = ''] = msa.split('|');
  return { code, controlId: controlId.replace(/\\F\\/g, '|').replace(/\\S\\/g, '^').replace(/\\E\\/g, '\\'), text: reason };
}
