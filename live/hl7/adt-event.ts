/**
 * One HL7 v2 ADT message read into what the twin needs of it: the trigger
 * event, its control id (MSH-10, which makes a resend a no-op), its event time
 * (EVN-2, else MSH-7: messages apply in this order) and the visit it moves.
 * Parsed with @medplum/core's Hl7Message; anything the twin cannot apply is
 * refused here, with the reason, before anything is stored (an AR).
 */
import { Hl7Message } from '@medplum/core';

/** The ADT triggers the twin applies (A01 admit ... A13 cancel discharge). */
export const ADT_TRIGGERS = ['A01', 'A02', 'A03', 'A04', 'A05', 'A08', 'A11', 'A12', 'A13'] as const;
export type AdtTrigger = (typeof ADT_TRIGGERS)[number];

/** Triggers that put the patient somewhere: without PV1-3 they cannot be applied. */
const NEEDS_LOCATION = new Set<AdtTrigger>(['A01', 'A02', 'A04']);

export interface AdtEvent {
  controlId: string;
  trigger: AdtTrigger;
  /** Local "YYYY-MM-DDTHH:MM:SS" (the hospital's clock; any UTC offset dropped, as in the FHIR mapping). */
  eventTime: string;
  /** The visit (PV1-19 visit number, else PID-18 account number): one encounter. */
  visit: string;
  /** PV1-2 patient class (E emergency, I inpatient, O outpatient, P pre-admit...). */
  patientClass?: string;
  /** PV1-10 hospital service. */
  service?: string;
  /** PV1-3.1 point of care: the ward or unit, as the mapping's locations name it ("Location/<this>"). */
  location?: string;
  /** PV1-44 admit date/time: when the patient arrived. */
  admitTime?: string;
  /** PV2-8 expected admit date/time, for an A05 pre-admit (a booked case). */
  expectedAt?: string;
}

/** A message the twin will not apply: answered AR with `reason`, nothing stored. */
export class AdtRefusal extends Error {
  override readonly name = 'AdtRefusal';
}

/** HL7 TS "YYYYMMDDHHMM[SS[.S+]][+/-ZZZZ]" to local "YYYY-MM-DDTHH:MM:SS"; undefined if it is not one. */
export function hl7Time(ts: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?(?:[+-]\d{4})?$/.exec(ts.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const text = `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}`;
  const back = new Date(`${text}Z`);
  return Number.isNaN(back.getTime()) || back.toISOString().slice(0, 19) !== text ? undefined : text;
}

/** Minutes since 1970 of a local "YYYY-MM-DDTHH:MM:SS" (the journal's order key). */
export function eventMinutes(local: string): number {
  return Date.parse(`${local}Z`) / 60_000;
}

/** The ADT event in an HL7 v2 message's text (segments separated by CR), or AdtRefusal with the reason. */
export function readAdt(text: string): AdtEvent {
  if (!text.startsWith('MSH')) throw new AdtRefusal('does not begin with an MSH segment');
  let msg: Hl7Message;
  try {
    msg = Hl7Message.parse(text);
  } catch (e) {
    throw new AdtRefusal(`cannot be parsed as HL7 v2: ${e instanceof Error ? e.message : String(e)}`);
  }
  const msh = msg.header;
  const type = msh.getComponent(9, 1);
  const trigger = msh.getComponent(9, 2) || msg.getSegment('EVN')?.getComponent(1, 1) || '';
  const controlId = msh.getField(10).toString().trim();
  if (controlId === '') throw new AdtRefusal('MSH-10 (message control id) is empty');
  if (controlId.length > 199) throw new AdtRefusal('MSH-10 (message control id) is longer than 199 characters');
  if (type !== 'ADT') throw new AdtRefusal(`MSH-9 is ${JSON.stringify(type.slice(0, 20))}: only ADT messages are applied`);
  if (!(ADT_TRIGGERS as readonly string[]).includes(trigger))
    throw new AdtRefusal(`trigger event ${JSON.stringify(trigger.slice(0, 20))} is not applied (applied: ${ADT_TRIGGERS.join(', ')})`);
  const evn = msg.getSegment('EVN');
  const evnTime = evn?.getComponent(2, 1) ?? '';
  const eventTime = hl7Time(evnTime || msh.getComponent(7, 1));
  if (!eventTime) throw new AdtRefusal(`EVN-2 (or MSH-7) is not a date and time "YYYYMMDDHHMM[SS]", got ${JSON.stringify(evnTime.slice(0, 30))}`);
  const pv1 = msg.getSegment('PV1');
  if (!pv1) throw new AdtRefusal('has no PV1 segment (the visit)');
  const visit = pv1.getComponent(19, 1).trim() || (msg.getSegment('PID')?.getComponent(18, 1).trim() ?? '');
  if (visit === '') throw new AdtRefusal('PV1-19 (visit number) and PID-18 (account number) are both empty: no visit to apply it to');
  const location = pv1.getComponent(3, 1).trim();
  if (NEEDS_LOCATION.has(trigger as AdtTrigger) && location === '') throw new AdtRefusal(`an ${trigger} needs PV1-3 (assigned location)`);
  const admitTime = pv1.getComponent(44, 1) ? hl7Time(pv1.getComponent(44, 1)) : undefined;
  if (pv1.getComponent(44, 1) && !admitTime) throw new AdtRefusal('PV1-44 (admit date/time) is not a date and time "YYYYMMDDHHMM[SS]"');
  const pv2 = msg.getSegment('PV2');
  const expectedRaw = pv2?.getComponent(8, 1) ?? '';
  const expectedAt = expectedRaw ? hl7Time(expectedRaw) : undefined;
  if (expectedRaw && !expectedAt) throw new AdtRefusal('PV2-8 (expected admit date/time) is not a date and time "YYYYMMDDHHMM[SS]"');
  const patientClass = pv1.getComponent(2, 1).trim();
  const service = pv1.getComponent(10, 1).trim();
  return {
    controlId,
    trigger: trigger as AdtTrigger,
    eventTime,
    visit,
    ...(patientClass ? { patientClass } : {}),
    ...(service ? { service } : {}),
    ...(location ? { location } : {}),
    ...(admitTime ? { admitTime } : {}),
    ...(expectedAt ? { expectedAt } : {}),
  };
}
