export * from './news2.js';
export * from './observation-flags.js';
export * from './observation-schedule.js';
export * from './day-of-stay.js';
export * from './infusion-record.js';
export * from './pain-change.js';
export * from './follow-up-schedule.js';
export * from './instruments.js';
