import type { Poss, SideEffect } from '@infusion-tracker/clinical';
import type { Drug, Indication } from '../admissions/admission-status.js';

/** The words the report prints for each coded group (the client's admission-labels say the same). */
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

/** Side effects and POSS levels as the service report prints them (the ward's observation-labels say the same). */
export const SIDE_EFFECT_LABELS: Record<SideEffect, string> = {
  nausea: 'Nausea',
  vomiting: 'Vomiting',
  dizziness: 'Dizziness',
  visualDisturbance: 'Blurred or double vision',
  nystagmus: 'Nystagmus',
  vividDreams: 'Vivid dreams',
  hallucinations: 'Hallucinations',
  dissociation: 'Dissociation ("floating")',
  agitation: 'Anxiety or agitation',
  hypersalivation: 'Hypersalivation',
  urinarySymptoms: 'Urinary symptoms',
};

export const SEDATION_LABELS: Record<Poss | 'not-recorded', string> = {
  S: 'S: asleep, easy to rouse',
  '1': '1: awake and alert',
  '2': '2: slightly drowsy, easily roused',
  '3': '3: frequently drowsy, drifts off',
  '4': '4: somnolent, minimal or no response',
  'not-recorded': 'No sedation recorded',
};
