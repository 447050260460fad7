import {
  ObservationColumns,
  SideEffect,
  SideEffectMark,
  TimelineObservations,
  TimelineObservationSet,
} from '../core/api-types';

/*
 * The timeline sends every set once, as columns (index i of every array is the i-th set). These pure
 * functions give the charts their columns of current sets and the tables their sets, from that one shape.
 */

/** Every set, entered-in-error ones included, as the observations list has a set. */
export function observationSets(columns: TimelineObservations): TimelineObservationSet[] {
  const effects = Object.entries(columns.sideEffects) as [
    SideEffect,
    TimelineObservations['sideEffects'][SideEffect],
  ][];
  const scores = columns.news2.parameters;
  return columns.id.map((id, index) => {
    const graded: NonNullable<TimelineObservationSet['sideEffects']> = {};
    for (const [effect, grades] of effects) {
      // null: not graded in this set, so the set says nothing about it (never "none").
      const grade = grades?.[index];
      if (grade !== null && grade !== undefined) {
        graded[effect] = grade;
      }
    }
    // A set that graded no side effect did not assess them: null, as the observations list has it.
    const sideEffects = Object.keys(graded).length > 0 ? graded : null;
    const pumpValue = columns.pumpRateValue[index];
    const pumpUnit = columns.pumpRateUnit[index];
    return {
      id,
      takenAt: columns.takenAt[index],
      respirationRate: columns.respirationRate[index],
      spo2: columns.spo2[index],
      spo2Scale: columns.spo2Scale[index],
      supplementalOxygen: columns.supplementalOxygen[index],
      oxygenDevice: columns.oxygenDevice[index],
      systolicBp: columns.systolicBp[index],
      diastolicBp: columns.diastolicBp[index],
      pulse: columns.pulse[index],
      consciousness: columns.consciousness[index],
      temperatureC: columns.temperatureC[index],
      sedation: columns.sedation[index],
      painScore: columns.painScore[index],
      sideEffects,
      pumpRate: pumpValue !== null && pumpUnit !== null ? { value: pumpValue, unit: pumpUnit } : null,
      comment: columns.comment[index],
      partialReason: columns.partialReason[index],
      partialReasonText: columns.partialReasonText[index],
      confirmedReadings: columns.confirmedReadings[index],
      news2: {
        complete: columns.news2.complete[index],
        total: columns.news2.total[index],
        response: columns.news2.response[index],
        anySingleParameterThree: columns.news2.anySingleParameterThree[index],
        missing: columns.news2.missing[index],
        parameters: {
          respirationRate: scores.respirationRate[index],
          spo2: scores.spo2[index],
          supplementalOxygen: scores.supplementalOxygen[index],
          systolicBp: scores.systolicBp[index],
          pulse: scores.pulse[index],
          consciousness: scores.consciousness[index],
          temperatureC: scores.temperatureC[index],
        },
      },
      flags: columns.flags[index],
      recordedByName: columns.recordedByName[index],
      recordedAt: columns.recordedAt[index],
      enteredInError: columns.enteredInError[index],
    };
  });
}

/** Indexes of the sets that stand (not entered in error): the only ones plotted. */
function current(columns: TimelineObservations): number[] {
  return columns.enteredInError.flatMap((mark, index) => (mark === null ? [index] : []));
}

/** The plotted items of the current sets, in time order. */
export function plottedColumns(columns: TimelineObservations): ObservationColumns {
  const shown = current(columns);
  const pick = <T>(values: T[]): T[] => shown.map((index) => values[index]);
  return {
    takenAt: pick(columns.takenAt),
    setId: pick(columns.id),
    respirationRate: pick(columns.respirationRate),
    spo2: pick(columns.spo2),
    systolicBp: pick(columns.systolicBp),
    diastolicBp: pick(columns.diastolicBp),
    pulse: pick(columns.pulse),
    temperatureC: pick(columns.temperatureC),
    painScore: pick(columns.painScore),
    sedation: pick(columns.sedation),
    news2Total: pick(columns.news2.total),
    news2Response: pick(columns.news2.response),
  };
}

/** Side effects graded mild or worse in the current sets, in time order. */
export function sideEffectMarks(columns: TimelineObservations): SideEffectMark[] {
  const effects = Object.entries(columns.sideEffects) as [
    SideEffect,
    TimelineObservations['sideEffects'][SideEffect],
  ][];
  return current(columns).flatMap((index) =>
    effects.flatMap(([effect, grades]) => {
      const grade = grades?.[index];
      return grade === 'mild' || grade === 'moderate' || grade === 'severe'
        ? [{ at: columns.takenAt[index], setId: columns.id[index], effect, grade }]
        : [];
    }),
  );
}
