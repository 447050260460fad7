import type { AdmissionStatus } from '@infusion-tracker/clinical';

export {
  ADMISSION_STATUSES,
  DRUGS,
  INDICATIONS,
  type AdmissionStatus,
  type Drug,
  type Indication,
} from '@infusion-tracker/clinical';

export const OPEN_STATUSES: readonly AdmissionStatus[] = [
  'planned',
  'admitted',
  'infusing',
  'paused',
  'infusion-stopped',
];
