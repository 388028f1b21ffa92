/**
 * Colours a manager reads at a glance: acuity as triage colours (1, the most
 * urgent, red), classes as distinct hues, and slot states as free / busy /
 * cleaning / broken / closed.
 */
import type { Replay } from './types.js';

export type ColourMode = 'acuity' | 'class';

export type Rgb = readonly [number, number, number];

/** A "#rrggbb" colour as linear r, g, b (what a renderer with colour management expects in instance colours). */
export function hexToRgb(hex: string): Rgb {
  const v = Number.parseInt(hex.slice(1), 16);
  return [linear(((v >> 16) & 255) / 255), linear(((v >> 8) & 255) / 255), linear((v & 255) / 255)];
}

function linear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

/** Triage scale colours, most urgent first. */
export const ACUITY_HEX = ['#d7263d', '#f46036', '#f1c40f', '#2eb872', '#3a86ff'];
export const CLASS_HEX = ['#e15759', '#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#edc948', '#76b7b2', '#ff9da7', '#9c755f', '#bab0ac'];
/** For patients without an acuity when colouring by acuity (elective, outpatient). */
export const NO_ACUITY_HEX = '#9aa5b1';

/** free, busy, cleaning, broken, closed */
export const SLOT_HEX = ['#8fd19e', '#1f5fa8', '#f4a259', '#c0392b', '#4a4f57'];
export const SLOT_RGB: readonly Rgb[] = SLOT_HEX.map(hexToRgb);

/** Acuity values in triage order: numbers ascending (1 first), others as they came. */
export function acuityOrder(values: readonly string[]): number[] {
  const idx = values.map((_, i) => i);
  const numeric = values.every((v) => Number.isFinite(Number(v)));
  return numeric ? idx.sort((a, b) => Number(values[a]) - Number(values[b])) : idx;
}

/** Hex colour of each acuity value (by index into `values`). */
export function acuityHex(values: readonly string[]): string[] {
  const order = acuityOrder(values);
  const out: string[] = new Array<string>(values.length);
  order.forEach((v, rank) => (out[v] = ACUITY_HEX[Math.min(rank, ACUITY_HEX.length - 1)]!));
  return out;
}

export function classHex(i: number): string {
  return CLASS_HEX[i % CLASS_HEX.length]!;
}

/** Fills replay.entityColour for the mode. */
export function colourEntities(replay: Replay, mode: ColourMode): void {
  const byAcuity = acuityHex(replay.acuityValues).map(hexToRgb);
  const byClass = replay.classNames.map((_, i) => hexToRgb(classHex(i)));
  const none = hexToRgb(NO_ACUITY_HEX);
  const out = replay.entityColour;
  for (let e = 0; e < replay.entityCount; e++) {
    const a = replay.acuity[e]!;
    const c = replay.klass[e]!;
    const rgb = mode === 'acuity' && replay.acuityValues.length > 0 ? (a >= 0 ? byAcuity[a]! : none) : (byClass[c] ?? none);
    out[e * 3] = rgb[0];
    out[e * 3 + 1] = rgb[1];
    out[e * 3 + 2] = rgb[2];
  }
}
