/** The admission's life: planned → admitted → infusing ⇄ paused → infusion-stopped → discharged. */
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

export const OPEN_STATUSES: readonly AdmissionStatus[] = [
  'planned',
  'admitted',
  'infusing',
  'paused',
  'infusion-stopped',
];

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
