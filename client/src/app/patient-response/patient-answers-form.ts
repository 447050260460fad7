import { AdverseEffectGrade, PatientAnswers } from '../core/api-types';

/** The patient's answers as typed: null until a question is answered, so nothing is pre-ticked. */
export interface AnswersDraft {
  painNow: number | null;
  painWorstWeek: number | null;
  pgic: number | null;
  benefitOngoing: boolean | null;
  benefitEndedOn: string;
  benefitEndedOnApproximate: boolean;
  adverseEffectsGrade: AdverseEffectGrade | null;
  adverseEffects: string;
  comment: string;
}

export function emptyDraft(): AnswersDraft {
  return {
    painNow: null,
    painWorstWeek: null,
    pgic: null,
    benefitOngoing: null,
    benefitEndedOn: '',
    benefitEndedOnApproximate: false,
    adverseEffectsGrade: null,
    adverseEffects: '',
    comment: '',
  };
}

export type AnswerField =
  'painNow' | 'painWorstWeek' | 'pgic' | 'benefitOngoing' | 'benefitEndedOn' | 'adverseEffects' | 'comment';

/**
 * What is missing or impossible, in plain words, before anything is sent. The server checks the same
 * answers with the clinician's outcome rules and has the last word.
 */
export function draftProblems(
  draft: AnswersDraft,
  dates: { infusionEndedOn: string; today: string },
): Partial<Record<AnswerField, string>> {
  const problems: Partial<Record<AnswerField, string>> = {};
  if (draft.painNow === null) problems.painNow = 'Please choose a number for your pain now.';
  if (draft.benefitOngoing === null)
    problems.benefitOngoing = 'Please say whether the benefit is still there.';
  if (draft.benefitOngoing === false) {
    if (!draft.benefitEndedOn) {
      problems.benefitEndedOn = 'Please give the date the benefit wore off, as best you can.';
    } else if (draft.benefitEndedOn < dates.infusionEndedOn) {
      problems.benefitEndedOn = 'This date is before your infusion ended. Please check it.';
    } else if (draft.benefitEndedOn > dates.today) {
      problems.benefitEndedOn = 'This date is in the future. Please check it.';
    }
  }
  if (draft.adverseEffects.length > 2000) problems.adverseEffects = 'Please keep this under 2000 characters.';
  if (draft.comment.length > 2000) problems.comment = 'Please keep this under 2000 characters.';
  return problems;
}

/** The answers to send: unanswered questions are left out, never sent as "none" or 0. */
export function toAnswers(draft: AnswersDraft): PatientAnswers {
  const answers: PatientAnswers = { painNow: draft.painNow!, benefitOngoing: draft.benefitOngoing! };
  if (draft.painWorstWeek !== null) answers.painWorstWeek = draft.painWorstWeek;
  if (draft.pgic !== null) answers.pgic = draft.pgic;
  if (draft.benefitOngoing === false) {
    answers.benefitEndedOn = draft.benefitEndedOn;
    if (draft.benefitEndedOnApproximate) answers.benefitEndedOnApproximate = true;
  }
  if (draft.adverseEffectsGrade !== null) answers.adverseEffectsGrade = draft.adverseEffectsGrade;
  if (draft.adverseEffects.trim()) answers.adverseEffects = draft.adverseEffects.trim();
  if (draft.comment.trim()) answers.comment = draft.comment.trim();
  return answers;
}

/** The server's field errors, said to a patient. */
export function plainServerProblem(field: string): string {
  switch (field) {
    case 'painNow':
    case 'painWorstWeek':
      return 'Please choose a number from 0 to 10.';
    case 'pgic':
      return 'Please choose one of the answers.';
    case 'benefitOngoing':
      return 'This does not fit with what we have on record. We will check it with you by phone.';
    case 'benefitEndedOn':
      return 'Please check this date: it must be after your infusion ended and not in the future.';
    default:
      return 'Please check this answer.';
  }
}
