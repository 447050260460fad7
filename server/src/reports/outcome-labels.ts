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
