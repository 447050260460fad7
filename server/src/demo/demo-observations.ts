import type { EntityManager } from 'typeorm';
import { observationFlags, scoreNews2, type Poss, type RateUnit } from '@infusion-tracker/clinical';
import { ObservationSet } from '../observations/observation-set.entity.js';
import { between, seededRandom } from './demo-random.js';

export interface DemoStay {
  admissionId: string;
  admittedAt: Date;
  status: string;
  /** Orders as [effectiveFrom, value, unit], oldest first. */
  orders: { effectiveFrom: Date; value: number; unit: RateUnit }[];
  /** Starts, resumes and rate changes: observations are intensified for two hours after each. */
  changes: Date[];
  /** Before the start, pauses and the stop: the pump is off then. */
  halts: { from: Date; to: Date | null }[];
}

/** Set times as a ward keeps them: every 1-4 h, and every 30 min for 2 h after each change. */
function setTimes(random: () => number, from: number, end: number, changes: Date[]): number[] {
  const times: number[] = [];
  for (let at = from; at <= end; at += between(random, 60, 240) * 60_000) times.push(at);
  for (const change of changes) {
    for (const minutes of [25, 55, 85, 115]) times.push(change.getTime() + minutes * 60_000);
  }
  const sorted = times.filter((at) => at >= from && at <= end).sort((a, b) => a - b);
  return sorted.filter((at, index) => index === 0 || at - sorted[index - 1] >= 15 * 60_000);
}

const HOUR = 3600_000;

/**
 * Observation histories for the current ward: a set every 1-4 hours since admission, and every 30 minutes
 * for 2 hours after a start or rate change, with realistic vitals, a few abnormal sets, one pump reading that differs from the order, and one patient left
 * overdue (no set for the last 6 hours). The pump reads off before the start and while the infusion is paused or stopped. Some sets
 * leave side effects not assessed, one is partial because the patient was asleep, and one patient's latest
 * set is partial because the patient refused the blood pressure (issue 12).
 */
export async function seedDemoObservations(
  manager: EntityManager,
  stays: DemoStay[],
  nurseId: string,
  now: Date,
): Promise<number> {
  const random = seededRandom(5);
  const sets: Partial<ObservationSet>[] = [];
  stays.forEach((stay, stayIndex) => {
    const overdue = stayIndex === 2;
    const end = now.getTime() - (overdue ? 6 * HOUR : between(random, 5, 25) * 60_000);
    const times = setTimes(random, stay.admittedAt.getTime() + 20 * 60_000, end, stay.changes);
    times.forEach((at, index) => {
      const order =
        [...stay.orders].reverse().find((candidate) => candidate.effectiveFrom.getTime() <= at) ?? null;
      const abnormal = random() < 0.06;
      const drowsy = abnormal && random() < 0.5;
      const halted = stay.halts.some(
        (halt) => halt.from.getTime() <= at && (halt.to === null || at < halt.to.getTime()),
      );
      const asleep = stayIndex === 5 && index === 2;
      const refusedBp = stayIndex === 6 && index === times.length - 1;
      const full = {
        respirationRate: abnormal ? between(random, 8, 10) : between(random, 12, 19),
        spo2: abnormal ? between(random, 91, 94) : between(random, 95, 99),
        spo2Scale: 1 as const,
        supplementalOxygen: false,
        systolicBp: abnormal && !drowsy ? between(random, 165, 190) : between(random, 105, 145),
        diastolicBp: between(random, 60, 92),
        pulse: between(random, 58, abnormal ? 118 : 96),
        consciousness: 'alert' as const,
        temperatureC: between(random, 362, 375) / 10,
      };
      // Asleep and not disturbed: breathing and saturation only. Refused: no blood pressure.
      const set = asleep
        ? {
            ...full,
            supplementalOxygen: null,
            systolicBp: null,
            diastolicBp: null,
            pulse: null,
            consciousness: null,
            temperatureC: null,
          }
        : refusedBp
          ? { ...full, systolicBp: null, diastolicBp: null }
          : full;
      const sedation: Poss = asleep ? 'S' : drowsy ? '3' : pickSedation(random);
      const pumpShows =
        stay.status !== 'admitted' && order
          ? halted
            ? { value: 0, unit: order.unit }
            : stayIndex === 4 && index === 3
              ? { value: Number((order.value * 2).toFixed(4)), unit: order.unit } // a pump programmed wrongly
              : { value: order.value, unit: order.unit }
          : null;
      const assessed = !asleep && random() >= 0.12;
      const sideEffects = assessed
        ? ({
            nausea: random() < 0.2 ? 'mild' : 'none',
            vividDreams: random() < 0.15 ? 'mild' : 'none',
            dizziness: random() < 0.1 ? 'moderate' : 'none',
          } as const)
        : null;
      const news2 = scoreNews2(set);
      sets.push({
        admissionId: stay.admissionId,
        takenAt: new Date(at),
        ...set,
        temperatureC: set.temperatureC === null ? null : String(set.temperatureC),
        oxygenDevice: null,
        sedation,
        painScore: Math.max(2, 8 - Math.floor(index / 4) + between(random, -1, 1)),
        sideEffects,
        pumpRateValue: pumpShows ? String(pumpShows.value) : null,
        pumpRateUnit: pumpShows?.unit ?? null,
        comment: drowsy && !asleep ? 'Drowsy; infusion paused, prescriber informed' : null,
        partialReason: asleep ? 'asleep' : refusedBp ? 'refused' : null,
        partialReasonText: refusedBp ? 'Declined the blood pressure cuff' : null,
        confirmedReadings: [],
        news2,
        news2Total: news2.total,
        news2Response: news2.response,
        flags: observationFlags({
          news2,
          sedation,
          sideEffects,
          pumpRate: pumpShows,
          currentOrderRate: order,
          infusionHalted: halted,
        }),
        recordedBy: nurseId,
        idempotencyKey: null,
        requestFingerprint: null,
      });
    });
  });
  for (let offset = 0; offset < sets.length; offset += 500) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ObservationSet)
      .values(sets.slice(offset, offset + 500) as never)
      .execute();
  }
  return sets.length;
}

function pickSedation(random: () => number): Poss {
  const roll = random();
  return roll < 0.55 ? '1' : roll < 0.8 ? 'S' : '2';
}
