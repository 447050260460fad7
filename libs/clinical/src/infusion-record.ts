// The vocabulary of the infusion record, shared by the API's validation and the client's forms so that
// the two cannot drift apart.

/** An admission's life: planned → admitted → infusing ⇄ paused → infusion-stopped → discharged. */
export const ADMISSION_STATUSES = [
  'planned',
  'admitted',
  'infusing',
  'paused',
  'infusion-stopped',
  'discharged',
  'cancelled',
] as const;
export type AdmissionStatus = (typeof ADMISSION_STATUSES)[number];

export const INDICATIONS = [
  'crps',
  'post-herpetic-neuralgia',
  'phantom-limb-pain',
  'diabetic-neuropathy',
  'chemotherapy-neuropathy',
  'spinal-cord-injury-pain',
  'chronic-post-surgical-pain',
  'other',
] as const;
export type Indication = (typeof INDICATIONS)[number];

export const DRUGS = ['ketamine', 'lidocaine', 'other'] as const;
export type Drug = (typeof DRUGS)[number];

/** The rate units a prescriber may choose from. They are never converted into one another. */
export const RATE_UNITS = ['mg/kg/h', 'mg/h', 'mcg/kg/min', 'mL/h'] as const;
export type RateUnit = (typeof RATE_UNITS)[number];

export const ROUTES = ['intravenous', 'subcutaneous'] as const;
export type Route = (typeof ROUTES)[number];

export const INFUSION_EVENT_TYPES = ['start', 'pause', 'resume', 'stop'] as const;
export type InfusionEventType = (typeof INFUSION_EVENT_TYPES)[number];
