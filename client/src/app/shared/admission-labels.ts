import { AdmissionStatus, Drug, Indication, InfusionEventType, Route } from '../core/api-types';

/** The words the ward uses for each coded value. */

export const STATUS_LABELS: Record<AdmissionStatus, string> = {
  planned: 'Planned',
  admitted: 'Admitted, not started',
  infusing: 'Infusing',
  paused: 'Paused',
  'infusion-stopped': 'Infusion stopped',
  discharged: 'Discharged',
  cancelled: 'Cancelled',
};

export const INDICATION_LABELS: Record<Indication, string> = {
  crps: 'CRPS (complex regional pain syndrome)',
  'post-herpetic-neuralgia': 'Post-herpetic neuralgia',
  'phantom-limb-pain': 'Phantom limb pain',
  'diabetic-neuropathy': 'Diabetic neuropathy',
  'chemotherapy-neuropathy': 'Chemotherapy-induced neuropathy',
  'spinal-cord-injury-pain': 'Spinal cord injury pain',
  'chronic-post-surgical-pain': 'Chronic post-surgical pain',
  other: 'Other',
};

export const DRUG_LABELS: Record<Drug, string> = {
  ketamine: 'Ketamine',
  lidocaine: 'Lidocaine',
  other: 'Other',
};

export const ROUTE_LABELS: Record<Route, string> = {
  intravenous: 'Intravenous (IV)',
  subcutaneous: 'Subcutaneous',
};

export const EVENT_LABELS: Record<InfusionEventType, string> = {
  start: 'Started',
  pause: 'Paused',
  resume: 'Resumed',
  stop: 'Stopped',
};

/** The usual reasons a nurse or prescriber pauses an infusion; "Other" asks for the reason in words. */
export const PAUSE_REASONS = [
  'Over-sedation',
  'Hallucinations',
  'Hypertension',
  'Line problem',
  'Patient request',
] as const;
