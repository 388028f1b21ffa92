export { prepareReplay, type PrepareOptions } from './prepare.js';
export { fillEntityFrame, fillSlotFrame, slotStateAt, slotHolderAt } from './frame.js';
export { writeInstanceMatrices, FIGURE_HEIGHT, LYING_Y } from './matrices.js';
export { colourEntities, acuityHex, acuityOrder, classHex, NO_ACUITY_HEX, SLOT_HEX, type ColourMode } from './colours.js';
export { runSeries, nextPeak, type RunSeries, type Chart, type Series } from './series.js';
export { patientStory, slotStory, storyAround, type PatientStory, type SlotStory, type StoryLine } from './story.js';
export { createEntityFrame, SLOT_STATE_NAMES, SLOT_FREE, SLOT_BUSY, SLOT_CLEANING, SLOT_BROKEN, SLOT_CLOSED, type Replay, type EntityFrame } from './types.js';
export { queueCountAt, type QueueCounts } from './queue-counts.js';
