// The HTTP contract with server/, in one place. Replace with types generated from /api/docs-json
// (or shared DTO types) once the server publishes them, so the two sides cannot drift.

export const ROLES = ['nurse', 'prescriber', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  mustChangePassword: boolean;
}

export interface AppInfo {
  name: string;
  version: string;
  wardName: string;
  wardTimeZone: string;
  demoMode: boolean;
  idleTimeoutSeconds: number;
}

/** RFC 9457 problem details, as every error response from /api carries them. */
export interface Problem {
  type?: string;
  title: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  messages: string[];
}

export interface UserResponse {
  user: User;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface UserList {
  items: User[];
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

export interface UpdateUserRequest {
  displayName?: string;
  roles?: Role[];
  active?: boolean;
}

export interface ResetPasswordRequest {
  password: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  userId: string | null;
  userDisplayName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  admissionId: string | null;
  requestId: string | null;
  clientAddress: string | null;
  change: unknown | null;
}

/** Filters of GET /api/audit-events; `from` and `to` are ISO 8601 instants. */
export interface AuditEventFilter {
  userId?: string;
  admissionId?: string;
  action?: string;
  from?: string;
  to?: string;
}

// Patients, admissions and the prescriber's infusion record.

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export interface Patient {
  id: string;
  mrn: string;
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD, a calendar date with no time zone. */
  dateOfBirth: string;
  sex: Sex;
}

export interface CreatePatientRequest {
  mrn: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  sex: Sex;
}

export {
  ADMISSION_STATUSES,
  DRUGS,
  INDICATIONS,
  INFUSION_EVENT_TYPES,
  RATE_UNITS,
  ROUTES,
  type AdmissionStatus,
  type Drug,
  type Indication,
  type InfusionEventType,
  type RateUnit,
  type Route,
} from '@infusion-tracker/clinical';
import type {
  AdmissionStatus,
  Drug,
  Indication,
  InfusionEventType,
  RateUnit,
  Route,
} from '@infusion-tracker/clinical';

/** A rate exactly as the prescriber wrote it. */
export interface Rate {
  value: number;
  unit: RateUnit;
}

/** A concentration exactly as written, e.g. 2 mg/mL. */
export interface Concentration {
  value: number;
  unit: string;
}

export interface EnteredInError {
  reason: string;
  markedBy: string;
  markedAt: string;
}

export interface InfusionOrder {
  id: string;
  admissionId: string;
  drug: string;
  route: Route;
  concentration: Concentration;
  rate: Rate;
  maxRate: Rate | null;
  increment: Rate | null;
  minMinutesBetweenChanges: number | null;
  endPoints: string | null;
  effectiveFrom: string;
  reason: string;
  note: string | null;
  overMaxReason: string | null;
  enteredBy: string;
  enteredAt: string;
  enteredInError: EnteredInError | null;
}

export interface InfusionEvent {
  id: string;
  type: InfusionEventType;
  /** The clinical time. */
  occurredAt: string;
  reason: string | null;
  recordedBy: string;
  /** When it was entered. */
  recordedAt: string;
}

export interface AdmissionSummary {
  id: string;
  patient: Patient;
  ward: string;
  bed: string;
  indication: Indication;
  indicationOther: string | null;
  drug: Drug;
  drugOther: string | null;
  admittedAt: string;
  plannedDays: number;
  status: AdmissionStatus;
  version: number;
  /** Exactly as entered. */
  currentOrder: InfusionOrder | null;
}

export interface Admission extends AdmissionSummary {
  admittingPrescriberId: string;
  weightKg: number | null;
  weightMeasuredOn: string | null;
  baselinePain: number;
  baselineBpiInterference: number | null;
  consentRecordedBy: string | null;
  consentRecordedAt: string | null;
  dischargedAt: string | null;
  dischargeSummary: string | null;
  closingReason: string | null;
  /** Newest first, entered-in-error included. */
  orders: InfusionOrder[];
  /** In clinical time order. */
  events: InfusionEvent[];
  /** Names of the staff the record refers to by id. */
  staff: StaffName[];
  /** The schedule in force; the default (setBy null) until a prescriber sets one. */
  observationSchedule: ObservationSchedule;
}

export interface ObservationScheduleRequest {
  routineMinutes: number;
  intensifiedMinutes: number;
  intensifiedForMinutes: number;
}

export interface ObservationSchedule extends ObservationScheduleRequest {
  setBy: string | null;
  setAt: string | null;
}

export interface StaffName {
  id: string;
  displayName: string;
}

export interface AdmissionFilter {
  ward?: string;
  status?: AdmissionStatus[];
}

export interface CreateAdmissionRequest {
  patientId: string;
  ward: string;
  bed: string;
  indication: Indication;
  indicationOther?: string;
  drug?: Drug;
  drugOther?: string;
  admittedAt?: string;
  planned?: boolean;
  plannedDays: number;
  weightKg?: number;
  weightMeasuredOn?: string;
  baselinePain: number;
  baselineBpiInterference?: number;
  consentObtained?: boolean;
}

/** Every write to an admission names the version it was based on; a stale one is refused with 409. */
export interface VersionedRequest {
  version: number;
}

export interface CreateInfusionOrderRequest extends VersionedRequest {
  drug: string;
  route: Route;
  concentration: Concentration;
  rate: Rate;
  maxRate?: Rate;
  increment?: Rate;
  minMinutesBetweenChanges?: number;
  endPoints?: string;
  effectiveFrom: string;
  reason: string;
  note?: string;
  overMaxReason?: string;
}

/** How the new rate compares with the maximum of the order it replaces; nothing is converted. */
export type MaximumRateCheck = 'no-maximum' | 'within' | 'above' | 'not-comparable';

export interface OrderCreated {
  id: string;
  maximumRateCheck: MaximumRateCheck;
  admission: Admission;
}

export interface EnteredInErrorRequest extends VersionedRequest {
  reason: string;
}

export interface CreateInfusionEventRequest extends VersionedRequest {
  type: InfusionEventType;
  occurredAt?: string;
  reason?: string;
}

export interface DischargeRequest extends VersionedRequest {
  summary: string;
  dischargedAt?: string;
  reason?: string;
}

export interface CancelAdmissionRequest extends VersionedRequest {
  reason: string;
}

/** 409 /problems/stale-version: someone else changed the admission; this is how it is now. */
export interface StaleVersionProblem extends Problem {
  current: Admission;
}

/** 409 /problems/above-maximum-rate: the maximum of the current order the new rate exceeds. */
export interface AboveMaximumRateProblem extends Problem {
  maximumRate: Rate;
}

// The ward board and bedside observations. The clinical enumerations and the NEWS2 result are those of
// libs/clinical, which the server validates and scores with, so the two sides cannot drift.

export type Consciousness = import('@infusion-tracker/clinical').Consciousness;
export type Spo2Scale = import('@infusion-tracker/clinical').Spo2Scale;
/** POSS sedation level, as a string: 'S', '1' ... '4'. */
export type Poss = import('@infusion-tracker/clinical').Poss;
export type SideEffect = import('@infusion-tracker/clinical').SideEffect;
export type SideEffectGrade = import('@infusion-tracker/clinical').SideEffectGrade;
export type News2Response = import('@infusion-tracker/clinical').News2Response;
export type News2Result = import('@infusion-tracker/clinical').News2Result;
export type ObservationFlag = import('@infusion-tracker/clinical').ObservationFlag;

/** GET /api/wards: the wards with open admissions, and always the configured one. */
export interface Ward {
  /** The ward name; URL-encoded in /api/wards/{id}/board. */
  id: string;
  name: string;
  openAdmissions: number;
}

export type DueReason = 'first-set' | 'after-change' | 'routine' | 'news2' | 'sedation' | 'asleep';

export interface WardBoardOrder {
  drug: string;
  concentration: Concentration;
  /** Exactly as entered. */
  rate: Rate;
  effectiveFrom: string;
}

export interface WardBoardLastSet {
  takenAt: string;
  news2Total: number | null;
  news2Response: News2Response | null;
  news2Complete: boolean;
  sedation: Poss | null;
  flags: ObservationFlag[];
}

export interface WardBoardRow {
  admissionId: string;
  bed: string;
  patient: Pick<Patient, 'mrn' | 'familyName' | 'givenName'>;
  /** In the ward's calendar; the admission day is day 1. */
  dayOfStay: number;
  plannedDays: number;
  status: AdmissionStatus;
  currentOrder: WardBoardOrder | null;
  /** The latest set not entered in error. */
  lastSet: WardBoardLastSet | null;
  nextDueAt: string;
  /** Minutes past nextDueAt at generatedAt; 0 when not overdue. */
  overdueMinutes: number;
  dueReason: DueReason;
}

/** GET /api/wards/:id/board, rows most urgent first. */
export interface WardBoard {
  ward: string;
  timeZone: string;
  generatedAt: string;
  rows: WardBoardRow[];
}

/** POST /api/admissions/:id/observation-sets. Any item may be left out; NEWS2 is then incomplete. */
export interface CreateObservationSetRequest {
  takenAt?: string;
  respirationRate?: number;
  spo2?: number;
  spo2Scale?: Spo2Scale;
  supplementalOxygen?: boolean;
  oxygenDevice?: string;
  systolicBp?: number;
  diastolicBp?: number;
  pulse?: number;
  consciousness?: Consciousness;
  temperatureC?: number;
  sedation?: Poss;
  painScore?: number;
  /** Left out: not assessed (never "none" unless the nurse said so). */
  sideEffects?: Partial<Record<SideEffect, SideEffectGrade>>;
  /** What the pump shows, as the nurse read it; never filled in from the order. */
  pumpRate?: Rate;
  comment?: string;
}

export interface ObservationSet {
  id: string;
  admissionId: string;
  takenAt: string;
  respirationRate: number | null;
  spo2: number | null;
  spo2Scale: Spo2Scale;
  supplementalOxygen: boolean | null;
  oxygenDevice: string | null;
  systolicBp: number | null;
  diastolicBp: number | null;
  pulse: number | null;
  consciousness: Consciousness | null;
  temperatureC: number | null;
  sedation: Poss | null;
  painScore: number | null;
  /** Null: side effects not assessed. */
  sideEffects: Partial<Record<SideEffect, SideEffectGrade>> | null;
  pumpRate: Rate | null;
  comment: string | null;
  /** As the server scored it when the set was stored. */
  news2: News2Result;
  flags: ObservationFlag[];
  recordedBy: string;
  /** Who recorded it, as they are named now. */
  recordedByName: string;
  recordedAt: string;
  enteredInError: EnteredInError | null;
}

// Follow-ups after discharge (ADR 4). The interfaces named again here merge with those above: they add
// the fields this feature brings to patients, admissions and the discharge.

export const PHONE_LABELS = ['mobile', 'home', 'work', 'other'] as const;
export type PhoneLabel = (typeof PHONE_LABELS)[number];
export const CONTACT_METHODS = ['phone', 'video', 'clinic', 'letter'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export interface PhoneNumber {
  label: PhoneLabel;
  number: string;
}

export interface PatientContact {
  phoneNumbers: PhoneNumber[];
  preferredMethod: ContactMethod | null;
}

export interface Patient {
  /** Clinical roles only; null for a role that may not see contact details. */
  contact?: PatientContact | null;
}

export interface CreatePatientRequest {
  contact?: PatientContact;
}

export type UpdatePatientContactRequest = PatientContact;

export interface Admission {
  /** NRS 0-10 at discharge; null when the infusion never started or before discharge. */
  painAtDischarge?: number | null;
  /** PGIC 1-7 at discharge, with the wording it was asked in. */
  pgicAtDischarge?: number | null;
  pgicWording?: string | null;
}

export interface DischargeRequest {
  painAtDischarge?: number;
  pgicAtDischarge?: number;
}

export interface FollowUpScheduleItem {
  weeks: number;
  windowDays: number;
}

export interface FollowUpScheduleRequest {
  items: FollowUpScheduleItem[];
  failedAttemptLimit: number;
}

export interface FollowUpSchedule extends FollowUpScheduleRequest {
  version: number;
  changedAt: string;
  changedBy: StaffName | null;
}

export const FOLLOW_UP_STATUSES = ['upcoming', 'due', 'overdue', 'done', 'missed', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const ATTEMPT_RESULTS = ['reached', 'no-answer', 'message-left', 'wrong-number', 'declined'] as const;
export type AttemptResult = (typeof ATTEMPT_RESULTS)[number];
export const OUTCOME_METHODS = ['phone', 'clinic', 'video', 'letter', 'patient-reported'] as const;
export type OutcomeMethod = (typeof OUTCOME_METHODS)[number];
export const ADVERSE_EFFECT_GRADES = ['none', 'mild', 'moderate', 'severe'] as const;
export type AdverseEffectGrade = (typeof ADVERSE_EFFECT_GRADES)[number];
export const TERMINAL_EVENT_KINDS = ['lost', 'died', 'withdrew', 'readmitted'] as const;
export type TerminalEventKind = (typeof TERMINAL_EVENT_KINDS)[number];

export interface FollowUpAttempt {
  id: string;
  method: ContactMethod;
  at: string;
  result: AttemptResult;
  note: string | null;
  recordedBy: StaffName;
  recordedAt: string;
}

export interface InstrumentAnswer {
  code: string;
  version: string;
  answers: Record<string, number | null>;
  score: number | null;
  valid: boolean;
}

export interface FollowUpOutcome {
  id: string;
  followUpId: string;
  /** YYYY-MM-DD in the ward's calendar. */
  assessedOn: string;
  method: OutcomeMethod;
  painNow: number;
  painWorstWeek: number | null;
  pgic: number | null;
  pgicWording: string | null;
  benefitOngoing: boolean;
  benefitReturned: boolean | null;
  benefitEndedOn: string | null;
  benefitEndedOnApproximate: boolean;
  medicationChanges: string | null;
  adverseEffects: string | null;
  adverseEffectsGrade: AdverseEffectGrade | null;
  readmissionPlanned: boolean | null;
  comment: string | null;
  instruments: InstrumentAnswer[];
  recordedBy: StaffName;
  recordedAt: string;
  enteredInError: { by: StaffName; at: string; reason: string } | null;
}

export interface FollowUp {
  id: string;
  admissionId: string;
  kind: 'scheduled' | 'extra';
  weeks: number | null;
  /** "Week 4" or "Extra". */
  label: string;
  dueOn: string;
  windowStart: string;
  windowEnd: string;
  status: FollowUpStatus;
  reason: string | null;
  cancellation: { at: string; by: StaffName; reason: string } | null;
  /** Oldest first. */
  attempts: FollowUpAttempt[];
  failedAttempts: number;
  outcome: FollowUpOutcome | null;
  outcomesEnteredInError: FollowUpOutcome[];
  /** The limit of the schedule version in force when the follow-up was created. */
  failedAttemptLimit?: number;
}

export interface TerminalEvent {
  id: string;
  kind: TerminalEventKind;
  on: string;
  reason: string;
  recordedBy: StaffName;
  recordedAt: string;
}

/** GET /api/admissions/:id/follow-ups */
export interface AdmissionFollowUps {
  admissionId: string;
  baselinePain: number;
  painAtDischarge: number | null;
  pgicAtDischarge: number | null;
  dischargedOn: string | null;
  /** By due date. */
  items: FollowUp[];
  terminalEvent: TerminalEvent | null;
  /** The ward's local date. */
  today?: string;
}

export interface CreateExtraFollowUpRequest {
  dueOn: string;
  windowDays?: number;
  reason: string;
}

export interface ReasonRequest {
  reason: string;
}

export interface CreateAttemptRequest {
  method: ContactMethod;
  at: string;
  result: AttemptResult;
  note?: string;
}

export interface CreateOutcomeRequest {
  assessedOn: string;
  method: OutcomeMethod;
  painNow: number;
  painWorstWeek?: number;
  pgic?: number;
  benefitOngoing: boolean;
  benefitReturned?: boolean;
  benefitEndedOn?: string;
  benefitEndedOnApproximate?: boolean;
  medicationChanges?: string;
  adverseEffects?: string;
  adverseEffectsGrade?: AdverseEffectGrade;
  readmissionPlanned?: boolean;
  comment?: string;
  instruments?: { code: string; answers: Record<string, number | null> }[];
}

export interface TerminalEventRequest {
  kind: TerminalEventKind;
  on: string;
  reason: string;
}

export type WorklistSection = 'overdue' | 'due' | 'missed' | 'upcoming';

export interface WorklistFollowUp {
  id: string;
  label: string;
  weeks: number | null;
  dueOn: string;
  windowStart: string;
  windowEnd: string;
  status: FollowUpStatus;
  attemptCount: number;
  lastAttemptAt: string | null;
  lastAttemptResult: AttemptResult | null;
}

export interface WorklistEntry {
  section: WorklistSection;
  patient: Pick<Patient, 'id' | 'mrn' | 'familyName' | 'givenName' | 'dateOfBirth'> & {
    contact: PatientContact | null;
  };
  admission: {
    id: string;
    ward: string;
    indication: Indication;
    indicationOther: string | null;
    drug: Drug;
    drugOther: string | null;
    admittedAt: string;
    dischargedAt: string;
    clinician: StaffName;
  };
  followUps: WorklistFollowUp[];
}

/** GET /api/follow-ups: one entry per admission, in its most urgent section. */
export interface Worklist {
  today: string;
  items: WorklistEntry[];
}

export interface WorklistFilter {
  ward?: string;
  indication?: Indication;
  clinicianId?: string;
}

export interface Instrument {
  code: string;
  version: string;
  title: string;
  /** Example text standing in for a licensed instrument; never to be used with patients. */
  placeholder: boolean;
  recall: string;
  items: { key: string; text: string }[];
  scale: { min: number; max: number; minAnchor: string; maxAnchor: string };
  scoring: { rule: 'mean'; minAnswered: number };
}

// Outcome reports (issue 11) --------------------------------------------------------------------

export type ReportGroupBy = 'none' | 'indication' | 'ward' | 'drug';
export type ResponderThreshold = 30 | 50;
export type NonResponderMode = 'exclude' | 'event-at-zero';

export interface OutcomeReportFilter {
  dischargedFrom?: string;
  dischargedTo?: string;
  indication?: Indication;
  ward?: string;
  drug?: Drug;
  groupBy?: ReportGroupBy;
  threshold?: ResponderThreshold;
  nonResponders?: NonResponderMode;
}

export interface OutcomeDefinitions {
  wardTimeZone: string;
  today: string;
  timeUnit: 'days';
  timeOrigin: string;
  responderThreshold: ResponderThreshold;
  responder: string;
  nonResponders: NonResponderMode;
  nonResponderHandling: string;
  event: string;
  censoring: string;
  intervalCensoring: string;
  averageNotShown: string;
  responderRates: string;
  confidenceIntervals: string;
}

export interface OutcomeCohort {
  discharged: number;
  responders: number;
  nonResponders: number;
  responseUnknown: number;
  onCurve: number;
  events: number;
  censored: number;
  lostToFollowUp: number;
  died: number;
  withdrew: number;
  readmitted: number;
}

/** One distinct day on a Kaplan-Meier curve (days since the time origin). */
export interface KaplanMeierStep {
  time: number;
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
  stdErr: number | null;
  lower: number | null;
  upper: number | null;
}

export interface MedianDuration {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}

export interface SurvivalAt {
  weeks: number;
  days: number;
  survival: number | null;
  lower: number | null;
  upper: number | null;
  atRisk: number;
}

export interface OutcomeCurve {
  n: number;
  events: number;
  followUpDays: number | null;
  steps: KaplanMeierStep[];
  median: MedianDuration;
  survivalAt: SurvivalAt[];
}

export interface OutcomeGroup extends OutcomeCurve {
  key: string;
  label: string;
  discharged: number;
}

export interface Proportion {
  count: number;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}

export interface ResponderRate {
  week: number;
  discharged: number;
  done: number;
  missed: number;
  lost: number;
  notDue: number;
  cancelled: number;
  notScheduled: number;
  responders30: Proportion;
  responders50: Proportion;
}

export interface OutcomeReport {
  definitions: OutcomeDefinitions;
  cohort: OutcomeCohort;
  overall: OutcomeCurve;
  groups: OutcomeGroup[];
  logRank: { chiSquare: number; df: number; p: number } | null;
  responderRates: ResponderRate[];
}

// The admission timeline (issue 10): GET /api/admissions/:id/timeline.

export interface TimelineEnteredInError extends EnteredInError {
  markedByName: string;
}

export interface TimelineAdmission {
  id: string;
  status: AdmissionStatus;
  version: number;
  ward: string;
  bed: string;
  indication: Indication;
  indicationOther: string | null;
  drug: Drug;
  drugOther: string | null;
  admittedAt: string;
  plannedDays: number;
  /** kg, as entered. */
  weightKg: number | null;
  weightMeasuredOn: string | null;
  baselinePain: number;
  baselineBpiInterference: number | null;
  consent: { recordedAt: string; recordedBy: StaffName } | null;
  admittingPrescriber: StaffName;
  infusionStartedAt: string | null;
  infusionStoppedAt: string | null;
  dischargedAt: string | null;
  dischargeSummary: string | null;
  closingReason: string | null;
  statusChangedAt: string;
}

export type TimelineOrderState = 'current' | 'superseded' | 'entered-in-error';

export interface TimelineOrder extends InfusionOrder {
  enteredByName: string;
  state: TimelineOrderState;
  supersededBy: string | null;
  supersededAt: string | null;
  enteredInError: TimelineEnteredInError | null;
}

export interface TimelineEvent extends InfusionEvent {
  recordedByName: string;
}

/**
 * A set as in the observations list, less what the timeline says once (admission, recorder's id): the
 * client rebuilds it from the timeline's columns (`observationSets` in timeline/timeline-observations.ts).
 */
export interface TimelineObservationSet extends Omit<
  ObservationSet,
  'admissionId' | 'recordedBy' | 'enteredInError'
> {
  enteredInError: TimelineEnteredInError | null;
}

/** One order's rate, exactly as written, from its effective time to the next order, the stop or the discharge. */
export interface RateSegment {
  orderId: string;
  value: number;
  from: string;
  /** null: still in force. */
  to: string | null;
}

export interface RateLine {
  unit: RateUnit;
  segments: RateSegment[];
}

export interface PauseBand {
  from: string;
  /** null: still paused. */
  to: string | null;
  reason: string | null;
  pausedByName: string;
}

/** The current sets' plotted items as columns (built on the client from the timeline's columns). */
export interface ObservationColumns {
  takenAt: string[];
  setId: string[];
  respirationRate: (number | null)[];
  spo2: (number | null)[];
  systolicBp: (number | null)[];
  diastolicBp: (number | null)[];
  pulse: (number | null)[];
  temperatureC: (number | null)[];
  painScore: (number | null)[];
  sedation: (Poss | null)[];
  news2Total: (number | null)[];
  news2Response: (News2Response | null)[];
}

/** A side effect graded mild or worse in a current set (built on the client). */
export interface SideEffectMark {
  at: string;
  setId: string;
  effect: SideEffect;
  grade: Exclude<SideEffectGrade, 'none'>;
}

export interface FollowUpOutcomeSummary {
  id: string;
  assessedOn: string;
  method: string;
  painNow: number;
  painWorstWeek: number | null;
  pgic: number | null;
  benefitOngoing: boolean;
  benefitEndedOn: string | null;
  comment: string | null;
  recordedByName: string;
}

export interface TimelineFollowUp {
  id: string;
  kind: 'scheduled' | 'extra';
  weeks: number | null;
  label: string;
  dueOn: string;
  status: string;
  outcome: FollowUpOutcomeSummary | null;
}

export interface TimelineFollowUps {
  /** False while the server has no follow-ups; items is then empty. */
  available: boolean;
  baselinePain: number;
  painAtDischarge: number | null;
  benefitEndedOn: string | null;
  items: TimelineFollowUp[];
}

export interface Timeline {
  /** The server's "now" when it was read. */
  generatedAt: string;
  patient: Patient;
  admission: TimelineAdmission;
  /** Oldest first, all of them. */
  orders: TimelineOrder[];
  events: TimelineEvent[];
  series: {
    rate: RateLine[];
    pauses: PauseBand[];
  };
  followUps: TimelineFollowUps;
  /** Every set, entered-in-error ones included, once, as columns. */
  observations: TimelineObservations;
}

/**
 * Every set of the stay as columns: index i of every array is the i-th set, oldest first; each value as
 * stored, null where it was not recorded. `observationSets` (timeline/timeline-observations.ts) turns
 * them back into sets.
 */
export interface TimelineObservations {
  id: string[];
  takenAt: string[];
  respirationRate: (number | null)[];
  spo2: (number | null)[];
  spo2Scale: Spo2Scale[];
  supplementalOxygen: (boolean | null)[];
  oxygenDevice: (string | null)[];
  systolicBp: (number | null)[];
  diastolicBp: (number | null)[];
  pulse: (number | null)[];
  consciousness: (Consciousness | null)[];
  temperatureC: (number | null)[];
  sedation: (Poss | null)[];
  painScore: (number | null)[];
  /**
   * One column per side effect any set graded; null: that set did not grade it. A set null in every
   * column did not assess side effects (its `sideEffects` is null, never "none").
   */
  sideEffects: Partial<Record<SideEffect, (SideEffectGrade | null)[]>>;
  pumpRateValue: (number | null)[];
  pumpRateUnit: (RateUnit | null)[];
  comment: (string | null)[];
  /** Why the set has no complete NEWS2; null for a complete set. */
  partialReason: (PartialReason | null)[];
  partialReasonText: (string | null)[];
  /** The extreme readings the nurse confirmed, per set ([] when none). */
  confirmedReadings: ConfirmableReading[][];
  news2: {
    complete: boolean[];
    total: (number | null)[];
    response: (News2Response | null)[];
    anySingleParameterThree: boolean[];
    missing: News2Result['missing'][];
    parameters: { [Item in keyof News2Result['parameters']]: (number | null)[] };
  };
  flags: ObservationFlag[][];
  recordedByName: string[];
  recordedAt: string[];
  enteredInError: (TimelineEnteredInError | null)[];
}

// Patient-reported follow-ups (issue 13)

export const PATIENT_LINK_STATUSES = ['out', 'opened', 'answered', 'expired', 'revoked'] as const;
export type PatientLinkStatus = (typeof PATIENT_LINK_STATUSES)[number];

/** GET /api/public/responses/:token: the patient page's data, nothing else of the record. */
export interface PublicResponsePage {
  serviceName: string;
  servicePhone: string | null;
  infusionEndedOn: string;
  today: string;
  expiresAt: string;
}

/** POST /api/public/responses/:token: what the patient answers (unanswered questions are left out). */
export interface PatientAnswers {
  painNow: number;
  painWorstWeek?: number;
  pgic?: number;
  benefitOngoing: boolean;
  benefitEndedOn?: string;
  benefitEndedOnApproximate?: boolean;
  adverseEffects?: string;
  adverseEffectsGrade?: AdverseEffectGrade;
  comment?: string;
}

export interface IssuedPatientLink {
  id: string;
  followUpId: string;
  token: string;
  path: string;
  issuedAt: string;
  expiresAt: string;
  servicePhone: string | null;
}

export interface PatientResponseSummary {
  id: string;
  answeredOn: string;
  submittedAt: string;
  review: 'waiting' | 'accepted' | 'rejected';
  reviewedBy: { id: string; displayName: string } | null;
  reviewedAt: string | null;
  rejectionReason: string | null;
  outcomeId: string | null;
}

export interface PatientResponseDetail extends PatientResponseSummary {
  followUpId: string;
  admissionId: string;
  answers: PatientAnswers;
}

export interface PatientLinkSummary {
  id: string;
  status: PatientLinkStatus;
  issuedBy: { id: string; displayName: string };
  issuedAt: string;
  expiresAt: string;
  openedAt: string | null;
  revokedAt: string | null;
  response: PatientResponseSummary | null;
}

export interface FollowUpPatientLinks {
  followUpId: string;
  items: PatientLinkSummary[];
  waiting: PatientResponseDetail | null;
}

/** The latest patient link of a follow-up, on the follow-up and in the worklist. */
export interface PatientLinkState {
  id: string;
  status: PatientLinkStatus;
  expiresAt: string;
  responseId: string | null;
  review: 'waiting' | 'accepted' | 'rejected' | null;
}

// These merge with the follow-ups interfaces above, adding the link's state.
export interface FollowUp {
  patientLink: PatientLinkState | null;
}

export interface WorklistFollowUp {
  patientLink: PatientLinkState | null;
}

// A terminal event of follow-ups entered in error (issue 9, ADR 4). These merge with the interfaces above.
export interface FollowUp {
  /** The cancelled follow-up this one reopens, after the terminal event that cancelled it was entered in error. */
  reopens?: string | null;
}

export interface TerminalEvent {
  enteredInError?: { by: StaffName; at: string; reason: string } | null;
}

export interface AdmissionFollowUps {
  /** Oldest first. */
  terminalEventsEnteredInError?: TerminalEvent[];
}

// Bedside safety (issue 12, ADR 6): partial sets with a reason, confirmed extreme readings, SpO2 scale 2
// only with the prescriber's documented target, the pump of a halted infusion. These merge with the
// interfaces above.
export type PartialReason = import('@infusion-tracker/clinical').PartialReason;
export type ConfirmableReading = import('@infusion-tracker/clinical').ConfirmableReading;

export interface CreateObservationSetRequest {
  /** Required when the set has no complete NEWS2. */
  partialReason?: PartialReason;
  /** Required with partialReason "other". */
  partialReasonText?: string;
  /** The readings outside their plausible range that the nurse confirmed. */
  confirmedReadings?: ConfirmableReading[];
}

export interface ObservationSet {
  partialReason: PartialReason | null;
  partialReasonText: string | null;
  confirmedReadings: ConfirmableReading[];
}

export interface WardBoardLastSet {
  partialReason: PartialReason | null;
  partialReasonText: string | null;
}

/** POST /api/admissions/:id/spo2-scale2-target (prescriber). */
export interface Spo2Scale2TargetRequest {
  /** As written, e.g. "88-92%"; null withdraws it. */
  target: string | null;
}

export interface Spo2Scale2Target {
  target: string;
  setBy: string;
  setAt: string;
}

export interface Admission {
  /** Null: scale 1 applies; scale 2 needs this documented target. */
  spo2Scale2Target: Spo2Scale2Target | null;
}

// Issue 12: the board says a paused or stopped infusion's state first, and shows the last pain score.
// These merge with the ward board interfaces above.
/** The latest start, pause, resume or stop of an admission's infusion. */
export interface WardBoardInfusionEvent {
  type: InfusionEventType;
  occurredAt: string;
  reason: string | null;
}

export interface WardBoardRow {
  lastInfusionEvent: WardBoardInfusionEvent | null;
}

export interface WardBoardLastSet {
  /** NRS 0-10 as recorded; null when not recorded. */
  painScore: number | null;
}

// Issue 12: the audit trail names whom events are about (patients to admins only) and offers users and
// patients to pick from. These merge with AuditEvent and AuditEventFilter above.
export interface AuditPatient {
  id: string;
  mrn: string;
  familyName: string;
  givenName: string;
}

export interface AuditUser {
  id: string;
  username: string;
  displayName: string;
}

export interface AuditEvent {
  /** Admins only; null for auditors and for events about no patient. */
  patient?: AuditPatient | null;
  /** The current name of the user an event is about. */
  entityDisplayName?: string | null;
}

export interface AuditEventFilter {
  patientId?: string;
}

// The service report (issue 11): GET /api/reports/service.

export interface ServiceReportFilter {
  admittedFrom?: string;
  admittedTo?: string;
  dischargedFrom?: string;
  dischargedTo?: string;
  indication?: Indication;
  ward?: string;
  drug?: Drug;
}

export interface ServiceReport {
  definitions: {
    wardTimeZone: string;
    cohort: string;
    lengthOfStay: string;
    pauses: string;
    sideEffects: string;
    sedation: string;
    news2: string;
    pumpChecks: string;
    onTime: string;
    followUps: string;
  };
  admissions: { total: number; discharged: number; infused: number };
  admissionsPerMonth: { month: string; admissions: number }[];
  lengthOfStay: {
    n: number;
    median: number | null;
    q1: number | null;
    q3: number | null;
    min: number | null;
    max: number | null;
  };
  pauses: {
    pauses: number;
    admissionsPaused: number;
    infused: number;
    proportionPaused: Proportion;
    reasons: { reason: string; pauses: number; admissions: number }[];
  };
  sideEffects: {
    sideEffect: SideEffect;
    label: string;
    none: number;
    mild: number;
    moderate: number;
    severe: number;
    notAssessed: number;
  }[];
  highestSedation: { level: Poss | 'not-recorded'; label: string; admissions: number }[];
  news2: { completeSets: number; setsFiveOrMore: number; episodes: number; admissions: number };
  pumpChecks: {
    checks: number;
    discrepancies: number;
    admissionsWithDiscrepancy: number;
    proportion: Proportion;
  };
  observationsOnTime: { sets: number; assessed: number; onTime: number; proportion: Proportion };
  followUps: {
    discharged: number;
    scheduled: number;
    done: number;
    missed: number;
    lost: number;
    cancelled: number;
    notDue: number;
    due: number;
    completion: Proportion;
    missedRate: Proportion;
    lostRate: Proportion;
    lostToFollowUp: number;
    died: number;
    withdrew: number;
    readmitted: number;
    lossRate: Proportion;
  };
}

// The admissions behind a number of the outcome report (issue 11): GET /api/reports/outcomes/admissions.

export interface OutcomeDrillDown {
  cell: string;
  group: string | null;
  count: number;
  identified: boolean;
  truncated: boolean;
  items: {
    admissionId: string;
    studyId: string;
    ward: string;
    indication: Indication;
    drug: Drug;
    admittedOn: string;
    dischargedOn: string;
    /** Null for auditors. */
    patient: { mrn: string; name: string } | null;
  }[];
}
