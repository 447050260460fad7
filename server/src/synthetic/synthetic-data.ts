import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { calendarDateIn } from '@infusion-tracker/clinical';
import { hashPassword } from '../auth/password-hasher.js';
import { runMigrations } from '../database/data-source.js';
import { BulkWriter } from './bulk-writer.js';
import { between, chance, pick, seededRandom, seededUuid } from './synthetic-random.js';
import { writeSyntheticFollowUps } from './synthetic-follow-ups.js';
import { FAMILY_NAMES, GIVEN_NAMES } from './synthetic-names.js';
import { buildStay, type CurrentState, type Row, type Staff, type StayRows } from './synthetic-stays.js';

export const SYNTHETIC_ACTION = 'synthetic.generated';

export interface SyntheticOptions {
  /** The database to fill; it is migrated first. */
  url: string;
  /** Years of past admissions before now (0 for only the current ward). */
  years: number;
  /** Open admissions on `ward` now, for the ward board. */
  wardAdmissions: number;
  admissionsPerYear?: number;
  seed: number;
  ward: string;
  /** The ward's time zone: admissions happen in the morning and patients sleep at night there. */
  timeZone: string;
  /** Write even into a database holding data the generator did not make (or made before). */
  force?: boolean;
  /** The instant the history ends at; the same seed and `now` give the same rows. */
  now?: Date;
  onProgress?: (progress: SyntheticProgress) => void;
}

export interface SyntheticProgress {
  admissions: number;
  totalAdmissions: number;
  observationSets: number;
  /** Once every stay is written: the follow-ups written after them (null while the stays are). */
  followUps: number | null;
  seconds: number;
  /** The admission date reached. */
  reached: Date;
}

export interface SyntheticSummary {
  run: number;
  users: number;
  patients: number;
  admissions: number;
  currentAdmissions: number;
  infusionOrders: number;
  infusionEvents: number;
  observationSets: number;
  enteredInError: number;
  followUps: number;
  followUpAttempts: number;
  followUpOutcomes: number;
  terminalEvents: number;
  followUpCancellations: number;
  /** Follow-ups due or overdue today (window opened, not settled, follow-up not ended): the worklist's. */
  followUpsDueOrOverdue: number;
  seconds: number;
}

/** The database holds rows the generator did not make; it writes nothing there unless forced. */
export class ForeignDataError extends Error {
  override name = 'ForeignDataError';
}

const DAY = 24 * 3600_000;
/** Observation sets per insert; with their parents, a batch is about 10-15 MB of JSON. */
const BATCH_SETS = 10_000;
const OTHER_WARDS = ['Ward 7B (Surgical)', 'Day Procedure Unit'];

/**
 * Fills a database with a deterministic synthetic history for benchmarks and reports: about
 * `admissionsPerYear` past stays a year with their orders, events and observation sets, plus
 * `wardAdmissions` open admissions on one ward now, and the follow-ups after each discharge with their
 * calls, outcomes and terminal events (synthetic-follow-ups.ts). Everything is written in one transaction (a failed
 * run leaves nothing behind), then the tables are analysed. Its users are inactive with random
 * passwords; the run is recorded in the audit trail, which is how a later run recognises its own data.
 */
export async function generateSyntheticData(options: SyntheticOptions): Promise<SyntheticSummary> {
  const began = performance.now();
  const now = options.now ?? new Date();
  await runMigrations(options.url);

  const client = new pg.Client({
    connectionString: options.url,
    application_name: 'infusion-tracker-synthetic',
  });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('infusion-tracker synthetic data'))");
    const run = await checkOwnership(client, options.force ?? false);
    // A later run (forced) draws other ids and MRNs from the same seed.
    const random = seededRandom((options.seed ^ Math.imul(run - 1, 0x9e3779b9)) >>> 0);
    const prefix = `synthetic-${run}`;
    const unusablePassword = await hashPassword(randomBytes(32).toString('base64url'));
    const windowStart = now.getTime() - options.years * 365.25 * DAY;

    const userRow = (role: 'prescriber' | 'nurse', index: number): Row => ({
      id: seededUuid(random, windowStart),
      username: `${prefix}-${role}-${String(index + 1).padStart(2, '0')}`,
      display_name: `${role === 'nurse' ? 'Synthetic nurse' : 'Dr Synthetic prescriber'} ${index + 1} (run ${run})`,
      roles: [role],
      password_hash: unusablePassword,
      must_change_password: true,
      active: false,
      created_at: new Date(windowStart).toISOString(),
      updated_at: new Date(windowStart).toISOString(),
    });
    const users = [
      ...Array.from({ length: 8 }, (_, index) => userRow('prescriber', index)),
      ...Array.from({ length: 30 }, (_, index) => userRow('nurse', index)),
    ];
    const staff: Staff = {
      prescribers: users.slice(0, 8).map((user) => user.id as string),
      nurses: users.slice(8).map((user) => user.id as string),
    };
    const writer = new BulkWriter(client);
    await writer.insert('users', users);

    const totalPast = Math.round(options.years * (options.admissionsPerYear ?? 1000));
    const totalAdmissions = totalPast + options.wardAdmissions;
    const counts = { patients: 0, admissions: 0, orders: 0, events: 0, sets: 0, enteredInError: 0 };
    const buffer = newBuffer();
    // Parents first. Corrections of sets wait for the next batch, so that the big insert of the sets is
    // the one that runs while the next batch is generated.
    let setCorrections: Row[] = [];
    const flush = async () => {
      const batch = { ...buffer };
      Object.assign(buffer, newBuffer());
      await writer.insert('patients', batch.patients);
      await writer.insert('admissions', batch.admissions);
      await writer.insert('infusion_orders', batch.orders);
      await writer.insert('infusion_order_corrections', batch.orderCorrections);
      await writer.insert('infusion_events', batch.events);
      await writer.insert('observation_schedules', batch.schedules);
      await writer.insert('spo2_scale2_targets', batch.spo2Targets);
      await writer.insert('observation_set_corrections', setCorrections);
      await writer.insert('observation_sets', batch.sets);
      setCorrections = batch.setCorrections;
    };
    const add = async (stay: StayRows, reached: number) => {
      buffer.admissions.push(stay.admission);
      buffer.orders.push(...stay.orders);
      buffer.orderCorrections.push(...stay.orderCorrections);
      buffer.events.push(...stay.events);
      buffer.schedules.push(...stay.schedules);
      buffer.spo2Targets.push(...stay.spo2Targets);
      buffer.sets.push(...stay.sets);
      buffer.setCorrections.push(...stay.setCorrections);
      counts.admissions += 1;
      counts.orders += stay.orders.length;
      counts.events += stay.events.length;
      counts.sets += stay.sets.length;
      counts.enteredInError += stay.setCorrections.length + stay.orderCorrections.length;
      if (buffer.sets.length >= BATCH_SETS) {
        await flush();
        options.onProgress?.({
          admissions: counts.admissions,
          totalAdmissions,
          observationSets: counts.sets,
          followUps: null,
          seconds: (performance.now() - began) / 1000,
          reached: new Date(reached),
        });
      }
    };
    const localTime = localTimeIn(options.timeZone);
    const newPatient = (firstSeen: number): PatientSeen => {
      counts.patients += 1;
      const sex = chance(random, 0.01) ? 'other' : chance(random, 0.6) ? 'female' : 'male';
      const born = new Date(firstSeen - between(random, 22 * 365, 82 * 365) * DAY);
      const createdAt = firstSeen - between(random, 1, 40) * DAY;
      const row = {
        id: seededUuid(random, createdAt),
        mrn: `S${run}-${String(counts.patients).padStart(7, '0')}`,
        family_name: pick(random, FAMILY_NAMES),
        given_name: pick(random, GIVEN_NAMES[sex === 'male' ? 'male' : 'female']),
        date_of_birth: born.toISOString().slice(0, 10),
        sex,
        created_at: new Date(createdAt).toISOString(),
        created_by: pick(random, staff.prescribers),
      };
      buffer.patients.push(row);
      return { id: row.id, freeFrom: 0 };
    };

    // Past stays, in time order, evenly spread with jitter, each admitted in the ward's morning.
    const patients: PatientSeen[] = [];
    const windowEnd = now.getTime() - 10 * DAY;
    const step = (windowEnd - windowStart) / Math.max(1, totalPast);
    for (let index = 0; index < totalPast; index += 1) {
      const day = windowStart + (index + random()) * step;
      const admittedAt = localTime.at(day, between(random, 7 * 60 + 30, 13 * 60));
      // A third are readmissions of someone treated before (at least two months since).
      let patient: PatientSeen | null = null;
      if (patients.length > 0 && chance(random, 0.35)) {
        const earlier = pick(random, patients);
        if (earlier.freeFrom < admittedAt - 60 * DAY) patient = earlier;
      }
      if (!patient) patients.push((patient = newPatient(admittedAt)));
      const plannedDays = between(random, 3, 7);
      const stay = buildStay(
        random,
        {
          patientId: patient.id,
          ward: chance(random, 0.85) ? options.ward : pick(random, OTHER_WARDS),
          bed: String(between(random, 1, 16)),
          admittedAt,
          plannedDays,
          current: null,
          utcOffsetMinutes: localTime.offsetMinutes(admittedAt),
        },
        staff,
      );
      patient.freeFrom = admittedAt + (plannedDays + 2) * DAY;
      await add(stay, admittedAt);
    }

    // The ward now: a few just admitted, a few paused, a few stopped and waiting to go home, some overdue.
    const few = Math.ceil(options.wardAdmissions * 0.075);
    for (let index = 0; index < options.wardAdmissions; index += 1) {
      const state: CurrentState =
        index < few ? 'admitted' : index < 2 * few ? 'paused' : index < 3 * few ? 'stopped' : 'infusing';
      const plannedDays = between(random, 3, 7);
      const minutesAgo =
        state === 'admitted'
          ? between(random, 20, 100)
          : state === 'stopped'
            ? (plannedDays * 24 + between(random, 2, 8)) * 60
            : between(random, (state === 'paused' ? 8 : 4) * 60, (plannedDays * 24 - 8) * 60);
      const admittedAt = now.getTime() - minutesAgo * 60_000;
      const patient = newPatient(admittedAt);
      const stay = buildStay(
        random,
        {
          patientId: patient.id,
          ward: options.ward,
          bed: String(index + 1),
          admittedAt,
          plannedDays,
          current: { state, now: now.getTime(), overdue: index % 12 === 5 },
          utcOffsetMinutes: localTime.offsetMinutes(admittedAt),
        },
        staff,
      );
      await add(stay, now.getTime());
    }
    await flush();
    await writer.insert('observation_set_corrections', setCorrections);
    await writer.drain();

    // Follow-ups after discharge, set-based now that every stay is in.
    const followUps = await writeSyntheticFollowUps(client, {
      timeZone: options.timeZone,
      today: calendarDateIn(now, options.timeZone),
      salt: `${options.seed}:${run}`,
      prescribers: staff.prescribers,
      nurses: staff.nurses,
    });
    options.onProgress?.({
      admissions: counts.admissions,
      totalAdmissions,
      observationSets: counts.sets,
      followUps: followUps.followUps,
      seconds: (performance.now() - began) / 1000,
      reached: now,
    });

    const summary: SyntheticSummary = {
      run,
      users: users.length,
      patients: counts.patients,
      admissions: counts.admissions,
      currentAdmissions: options.wardAdmissions,
      infusionOrders: counts.orders,
      infusionEvents: counts.events,
      observationSets: counts.sets,
      enteredInError: counts.enteredInError,
      followUps: followUps.followUps,
      followUpAttempts: followUps.attempts,
      followUpOutcomes: followUps.outcomes,
      terminalEvents: followUps.terminalEvents,
      followUpCancellations: followUps.cancellations,
      followUpsDueOrOverdue: followUps.dueOrOverdue,
      seconds: 0,
    };
    await client.query(`INSERT INTO audit_events (occurred_at, action, change) VALUES ($1, $2, $3)`, [
      new Date(),
      SYNTHETIC_ACTION,
      {
        seed: options.seed,
        years: options.years,
        admissionsPerYear: options.admissionsPerYear ?? 1000,
        wardAdmissions: options.wardAdmissions,
        ward: options.ward,
        now: now.toISOString(),
        userIds: users.map((user) => user.id),
        counts: { ...summary, seconds: undefined },
      },
    ]);
    await client.query('COMMIT');
    await client.query('ANALYZE');
    summary.seconds = (performance.now() - began) / 1000;
    return summary;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

interface PatientSeen {
  id: string;
  /** Not readmitted before this instant (ms). */
  freeFrom: number;
}

function newBuffer() {
  return {
    patients: [] as Row[],
    admissions: [] as Row[],
    orders: [] as Row[],
    orderCorrections: [] as Row[],
    events: [] as Row[],
    schedules: [] as Row[],
    spo2Targets: [] as Row[],
    sets: [] as Row[],
    setCorrections: [] as Row[],
  };
}

/**
 * The run number of this run. A database is the generator's own when every user and every admission
 * in it belongs to an earlier run (their ids are in that run's audit event).
 */
async function checkOwnership(client: pg.Client, force: boolean): Promise<number> {
  const { rows } = await client.query(
    `WITH own AS (
       SELECT (jsonb_array_elements_text(change->'userIds'))::uuid AS id FROM audit_events WHERE action = $1
     )
     SELECT (SELECT count(*)::int FROM users WHERE id NOT IN (SELECT id FROM own)) AS foreign_users,
            (SELECT count(*)::int FROM admissions WHERE admitting_prescriber_id NOT IN (SELECT id FROM own)) AS foreign_admissions,
            (SELECT count(*)::int FROM audit_events WHERE action = $1) AS runs`,
    [SYNTHETIC_ACTION],
  );
  const { foreign_users: users, foreign_admissions: admissions, runs } = rows[0];
  if (!force && (users > 0 || admissions > 0)) {
    throw new ForeignDataError(
      `the database holds ${users} user(s) and ${admissions} admission(s) that the synthetic-data generator did not make. ` +
        'It writes only into an empty database or one it filled; give --force to add synthetic patients anyway ' +
        '(never on a database with real patients).',
    );
  }
  if (!force && runs > 0) {
    throw new ForeignDataError(
      `the database already holds synthetic data (${runs} earlier run(s)). Use a fresh database, or give --force to add another run.`,
    );
  }
  return runs + 1;
}

/** Local wall-clock times in one IANA zone, daylight saving included. */
function localTimeIn(timeZone: string) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsetMinutes = (instant: Date): number => {
    const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
    const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
    return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
  };
  return {
    offsetMinutes: (instant: number) => offsetMinutes(new Date(instant)),
    /** That day (in the zone) at the given minute after local midnight, as epoch milliseconds. */
    at(day: number, minuteOfDay: number): number {
      const offset = offsetMinutes(new Date(day));
      const localMidnight = Math.floor((day + offset * 60_000) / DAY) * DAY;
      const guess = localMidnight + minuteOfDay * 60_000 - offset * 60_000;
      return guess - (offsetMinutes(new Date(guess)) - offset) * 60_000;
    },
  };
}
