import {
  AdverseEffectGrade,
  AttemptResult,
  ContactMethod,
  FollowUpStatus,
  OutcomeMethod,
  PhoneLabel,
  TerminalEventKind,
} from '../core/api-types';

/** The words the service uses for the coded values of follow-ups after discharge. */

/** PGIC: "Since the start of treatment, my overall status is" (domain.md). */
export const PGIC_QUESTION = 'Since the start of treatment, my overall status is';
export const PGIC_WORDINGS: Readonly<Record<number, string>> = {
  1: 'Very much improved',
  2: 'Much improved',
  3: 'Minimally improved',
  4: 'No change',
  5: 'Minimally worse',
  6: 'Much worse',
  7: 'Very much worse',
};
export const PGIC_SCORES = [1, 2, 3, 4, 5, 6, 7] as const;

/** "2 Much improved". */
export function pgicWords(score: number): string {
  return `${score} ${PGIC_WORDINGS[score] ?? ''}`.trim();
}

export const PHONE_LABEL_WORDS: Record<PhoneLabel, string> = {
  mobile: 'Mobile',
  home: 'Home',
  work: 'Work',
  other: 'Other',
};

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  phone: 'Phone',
  video: 'Video call',
  clinic: 'Clinic visit',
  letter: 'Letter',
};

export const OUTCOME_METHOD_LABELS: Record<OutcomeMethod, string> = {
  ...CONTACT_METHOD_LABELS,
  'patient-reported': 'Reported by the patient',
};

export const ATTEMPT_RESULT_LABELS: Record<AttemptResult, string> = {
  reached: 'Reached',
  'no-answer': 'No answer',
  'message-left': 'Message left',
  'wrong-number': 'Wrong number',
  declined: 'Declined the follow-up',
};

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  upcoming: 'Upcoming',
  due: 'Due',
  overdue: 'Overdue',
  done: 'Done',
  missed: 'Missed',
  cancelled: 'Cancelled',
};

export const GRADE_LABELS: Record<AdverseEffectGrade, string> = {
  none: 'None',
  mild: 'Mild',
  moderate: 'Moderate',
  severe: 'Severe',
};

export const TERMINAL_EVENT_LABELS: Record<TerminalEventKind, string> = {
  lost: 'Lost to follow-up',
  died: 'Patient died',
  withdrew: 'Patient withdrew from follow-up',
  readmitted: 'Readmitted for another infusion',
};
