/**
 * A label a caller puts on the plan (a snapshot's census over each ward); the
 * scene draws it as HTML over the canvas with the plan's own words (PlanLabels).
 */
export interface LabelProps {
  text: string;
  /** Where it belongs on the plan, in metres. */
  position: [number, number, number];
  /** Height of the text in metres (the scene draws every label at one readable size on screen). */
  height: number;
  colour?: string;
  background?: string;
  /** Width of what it names, in metres. */
  maxWidth?: number;
}

/** A label to draw on the plan (a ward's census), named by `key`. */
export type PlanLabel = LabelProps & { key: string };
