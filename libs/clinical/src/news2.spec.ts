import fc from 'fast-check';
import {
  type Consciousness,
  type News2Input,
  type News2Parameters,
  type Spo2Scale,
  news2ResponseLabel,
  scoreNews2,
} from './news2.js';

/** A complete observation set in which every item scores 0. */
function aCompleteSet(overrides: Partial<News2Input> = {}): News2Input {
  return {
    respirationRate: 16,
    spo2: 98,
    spo2Scale: 1,
    supplementalOxygen: false,
    systolicBp: 120,
    pulse: 70,
    consciousness: 'alert',
    temperatureC: 37.0,
    ...overrides,
  };
}

function totalOf(set: News2Input): number {
  const { total } = scoreNews2(set);
  if (total === null) throw new Error('expected a complete set');
  return total;
}

const chartOrder: (keyof News2Parameters)[] = [
  'respirationRate',
  'spo2',
  'supplementalOxygen',
  'systolicBp',
  'pulse',
  'consciousness',
  'temperatureC',
];

describe('scoreNews2: each parameter at each boundary of chart 1', () => {
  it.each([
    { value: 0, score: 3 },
    { value: 8, score: 3 },
    { value: 9, score: 1 },
    { value: 11, score: 1 },
    { value: 12, score: 0 },
    { value: 20, score: 0 },
    { value: 21, score: 2 },
    { value: 24, score: 2 },
    { value: 25, score: 3 },
    { value: 60, score: 3 },
  ])('scores a respiration rate of $value as $score', ({ value, score }) => {
    expect(scoreNews2(aCompleteSet({ respirationRate: value })).parameters.respirationRate).toBe(score);
  });

  it.each([
    { value: 70, score: 3 },
    { value: 91, score: 3 },
    { value: 92, score: 2 },
    { value: 93, score: 2 },
    { value: 94, score: 1 },
    { value: 95, score: 1 },
    { value: 96, score: 0 },
    { value: 100, score: 0 },
  ])('scores an SpO2 of $value % on scale 1 as $score', ({ value, score }) => {
    expect(scoreNews2(aCompleteSet({ spo2: value, spo2Scale: 1 })).parameters.spo2).toBe(score);
  });

  it.each([
    { value: 70, score: 3 },
    { value: 83, score: 3 },
    { value: 84, score: 2 },
    { value: 85, score: 2 },
    { value: 86, score: 1 },
    { value: 87, score: 1 },
    { value: 88, score: 0 },
    { value: 92, score: 0 },
    { value: 93, score: 0 },
    { value: 94, score: 0 },
    { value: 95, score: 0 },
    { value: 96, score: 0 },
    { value: 97, score: 0 },
    { value: 100, score: 0 },
  ])('scores an SpO2 of $value % on scale 2 on air as $score', ({ value, score }) => {
    const set = aCompleteSet({ spo2: value, spo2Scale: 2, supplementalOxygen: false });
    expect(scoreNews2(set).parameters.spo2).toBe(score);
  });

  it.each([
    { value: 70, score: 3 },
    { value: 83, score: 3 },
    { value: 84, score: 2 },
    { value: 85, score: 2 },
    { value: 86, score: 1 },
    { value: 87, score: 1 },
    { value: 88, score: 0 },
    { value: 92, score: 0 },
    { value: 93, score: 1 },
    { value: 94, score: 1 },
    { value: 95, score: 2 },
    { value: 96, score: 2 },
    { value: 97, score: 3 },
    { value: 100, score: 3 },
  ])('scores an SpO2 of $value % on scale 2 on oxygen as $score', ({ value, score }) => {
    const set = aCompleteSet({ spo2: value, spo2Scale: 2, supplementalOxygen: true });
    expect(scoreNews2(set).parameters.spo2).toBe(score);
  });

  it.each([
    { supplementalOxygen: false, score: 0 },
    { supplementalOxygen: true, score: 2 },
  ])('scores supplemental oxygen $supplementalOxygen as $score', ({ supplementalOxygen, score }) => {
    expect(scoreNews2(aCompleteSet({ supplementalOxygen })).parameters.supplementalOxygen).toBe(score);
  });

  it.each([
    { value: 60, score: 3 },
    { value: 90, score: 3 },
    { value: 91, score: 2 },
    { value: 100, score: 2 },
    { value: 101, score: 1 },
    { value: 110, score: 1 },
    { value: 111, score: 0 },
    { value: 219, score: 0 },
    { value: 220, score: 3 },
    { value: 260, score: 3 },
  ])('scores a systolic blood pressure of $value mmHg as $score', ({ value, score }) => {
    expect(scoreNews2(aCompleteSet({ systolicBp: value })).parameters.systolicBp).toBe(score);
  });

  it.each([
    { value: 30, score: 3 },
    { value: 40, score: 3 },
    { value: 41, score: 1 },
    { value: 50, score: 1 },
    { value: 51, score: 0 },
    { value: 90, score: 0 },
    { value: 91, score: 1 },
    { value: 110, score: 1 },
    { value: 111, score: 2 },
    { value: 130, score: 2 },
    { value: 131, score: 3 },
    { value: 180, score: 3 },
  ])('scores a pulse of $value /min as $score', ({ value, score }) => {
    expect(scoreNews2(aCompleteSet({ pulse: value })).parameters.pulse).toBe(score);
  });

  it.each([
    { level: 'alert', score: 0 },
    { level: 'confusion', score: 3 },
    { level: 'voice', score: 3 },
    { level: 'pain', score: 3 },
    { level: 'unresponsive', score: 3 },
  ] satisfies { level: Consciousness; score: number }[])(
    'scores ACVPU $level as $score',
    ({ level, score }) => {
      expect(scoreNews2(aCompleteSet({ consciousness: level })).parameters.consciousness).toBe(score);
    },
  );

  it.each([
    { value: 33.0, score: 3 },
    { value: 35.0, score: 3 },
    { value: 35.1, score: 1 },
    { value: 36.0, score: 1 },
    { value: 36.1, score: 0 },
    { value: 38.0, score: 0 },
    { value: 38.1, score: 1 },
    { value: 39.0, score: 1 },
    { value: 39.1, score: 2 },
    { value: 41.0, score: 2 },
  ])('scores a temperature of $value °C as $score', ({ value, score }) => {
    expect(scoreNews2(aCompleteSet({ temperatureC: value })).parameters.temperatureC).toBe(score);
  });
});

describe('scoreNews2: a reading between two printed bands falls in the band whose upper limit it passes', () => {
  it.each([
    { item: 'respirationRate', value: 8.5, score: 1 },
    { item: 'respirationRate', value: 11.5, score: 0 },
    { item: 'respirationRate', value: 20.5, score: 2 },
    { item: 'respirationRate', value: 24.5, score: 3 },
    { item: 'spo2', value: 91.5, score: 2 },
    { item: 'spo2', value: 93.5, score: 1 },
    { item: 'spo2', value: 95.5, score: 0 },
    { item: 'systolicBp', value: 90.5, score: 2 },
    { item: 'systolicBp', value: 100.5, score: 1 },
    { item: 'systolicBp', value: 110.5, score: 0 },
    { item: 'systolicBp', value: 219.5, score: 3 },
    { item: 'pulse', value: 40.5, score: 1 },
    { item: 'pulse', value: 50.5, score: 0 },
    { item: 'pulse', value: 90.5, score: 1 },
    { item: 'pulse', value: 110.5, score: 2 },
    { item: 'pulse', value: 130.5, score: 3 },
    { item: 'temperatureC', value: 35.05, score: 1 },
    { item: 'temperatureC', value: 36.05, score: 0 },
    { item: 'temperatureC', value: 38.05, score: 1 },
    { item: 'temperatureC', value: 39.05, score: 2 },
  ] satisfies {
    item: 'respirationRate' | 'spo2' | 'systolicBp' | 'pulse' | 'temperatureC';
    value: number;
    score: number;
  }[])('scores $item $value as $score', ({ item, value, score }) => {
    expect(scoreNews2(aCompleteSet({ [item]: value })).parameters[item]).toBe(score);
  });

  it.each([
    { value: 83.5, score: 2 },
    { value: 85.5, score: 1 },
    { value: 87.5, score: 0 },
    { value: 92.5, score: 1 },
    { value: 94.5, score: 2 },
    { value: 96.5, score: 3 },
  ])('scores an SpO2 of $value % on scale 2 on oxygen as $score', ({ value, score }) => {
    const set = aCompleteSet({ spo2: value, spo2Scale: 2, supplementalOxygen: true });
    expect(scoreNews2(set).parameters.spo2).toBe(score);
  });
});

describe('scoreNews2: aggregate score and clinical response', () => {
  it.each([
    { case: 'every item normal', overrides: {}, total: 0, response: 'low' },
    { case: 'a temperature of 38.5', overrides: { temperatureC: 38.5 }, total: 1, response: 'low' },
    {
      case: 'two items scoring 2 and 1',
      overrides: { respirationRate: 22, pulse: 95 },
      total: 3,
      response: 'low',
    },
    {
      case: 'oxygen and a respiration rate of 22',
      overrides: { supplementalOxygen: true, respirationRate: 22 },
      total: 4,
      response: 'low',
    },
    {
      case: 'a single 3 from respiration rate',
      overrides: { respirationRate: 25 },
      total: 3,
      response: 'low-medium',
    },
    {
      case: 'a single 3 from new confusion',
      overrides: { consciousness: 'confusion' },
      total: 3,
      response: 'low-medium',
    },
    {
      case: 'a single 3 with a total of 4',
      overrides: { systolicBp: 85, pulse: 100 },
      total: 4,
      response: 'low-medium',
    },
    {
      case: 'a total of 5 without any 3',
      overrides: { respirationRate: 22, systolicBp: 95, temperatureC: 38.5 },
      total: 5,
      response: 'medium',
    },
    {
      case: 'a total of 5 including a 3',
      overrides: { respirationRate: 25, supplementalOxygen: true },
      total: 5,
      response: 'medium',
    },
    {
      case: 'a total of 6',
      overrides: { respirationRate: 22, supplementalOxygen: true, pulse: 115 },
      total: 6,
      response: 'medium',
    },
    {
      case: 'a total of 7',
      overrides: { respirationRate: 22, supplementalOxygen: true, pulse: 115, temperatureC: 38.5 },
      total: 7,
      response: 'high',
    },
    {
      case: 'every item at its worst',
      overrides: {
        respirationRate: 30,
        spo2: 85,
        supplementalOxygen: true,
        systolicBp: 80,
        pulse: 140,
        consciousness: 'unresponsive',
        temperatureC: 40,
      },
      total: 19,
      response: 'high',
    },
  ] satisfies { case: string; overrides: Partial<News2Input>; total: number; response: string }[])(
    'gives $total ($response) for $case',
    ({ overrides, total, response }) => {
      const result = scoreNews2(aCompleteSet(overrides));
      expect(result.complete).toBe(true);
      expect(result.missing).toEqual([]);
      expect(result.total).toBe(total);
      expect(result.response).toBe(response);
    },
  );

  it('flags a single parameter scoring 3', () => {
    expect(scoreNews2(aCompleteSet({ pulse: 35 })).anySingleParameterThree).toBe(true);
    expect(scoreNews2(aCompleteSet({ pulse: 120, supplementalOxygen: true })).anySingleParameterThree).toBe(
      false,
    );
  });
});

describe('scoreNews2: incomplete observation sets', () => {
  it.each(chartOrder)('is incomplete when %s is null, and lists it as missing', (item) => {
    const result = scoreNews2(aCompleteSet({ respirationRate: 25, [item]: null }));
    expect(result.complete).toBe(false);
    expect(result.total).toBeNull();
    expect(result.response).toBeNull();
    expect(result.missing).toEqual([item]);
    expect(result.parameters[item]).toBeNull();
  });

  it.each(chartOrder)('is incomplete when %s is not given at all', (item) => {
    const set = aCompleteSet();
    delete set[item];
    const result = scoreNews2(set);
    expect(result.complete).toBe(false);
    expect(result.total).toBeNull();
    expect(result.response).toBeNull();
    expect(result.missing).toEqual([item]);
  });

  it('still scores the items that were recorded', () => {
    const result = scoreNews2({ respirationRate: 26, pulse: 95, consciousness: 'alert' });
    expect(result.parameters).toEqual({
      respirationRate: 3,
      spo2: null,
      supplementalOxygen: null,
      systolicBp: null,
      pulse: 1,
      consciousness: 0,
      temperatureC: null,
    });
    expect(result.anySingleParameterThree).toBe(true);
    expect(result.missing).toEqual(['spo2', 'supplementalOxygen', 'systolicBp', 'temperatureC']);
    expect(result.total).toBeNull();
    expect(result.response).toBeNull();
  });

  it('lists every item, in chart order, for an empty set', () => {
    const result = scoreNews2({});
    expect(result.missing).toEqual(chartOrder);
    expect(result.anySingleParameterThree).toBe(false);
    expect(Object.values(result.parameters).every((score) => score === null)).toBe(true);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'treats a pulse of %p as not measured',
    (pulse) => {
      const result = scoreNews2(aCompleteSet({ pulse }));
      expect(result.missing).toEqual(['pulse']);
      expect(result.total).toBeNull();
    },
  );

  it('treats an unknown consciousness level as not recorded', () => {
    const result = scoreNews2(aCompleteSet({ consciousness: 'Alert' as Consciousness }));
    expect(result.missing).toEqual(['consciousness']);
  });

  it('treats an SpO2 on an unknown scale as not recorded', () => {
    const result = scoreNews2(aCompleteSet({ spo2: 90, spo2Scale: 3 as Spo2Scale }));
    expect(result.parameters.spo2).toBeNull();
    expect(result.missing).toEqual(['spo2']);
  });

  it('cannot score an SpO2 of 93 % or more on scale 2 without knowing air or oxygen', () => {
    const result = scoreNews2(aCompleteSet({ spo2: 95, spo2Scale: 2, supplementalOxygen: null }));
    expect(result.parameters.spo2).toBeNull();
    expect(result.missing).toEqual(['supplementalOxygen']);
    expect(result.total).toBeNull();
  });

  it('scores an SpO2 of 92 % or less on scale 2 without knowing air or oxygen', () => {
    const result = scoreNews2(aCompleteSet({ spo2: 85, spo2Scale: 2, supplementalOxygen: null }));
    expect(result.parameters.spo2).toBe(2);
    expect(result.missing).toEqual(['supplementalOxygen']);
  });
});

describe('scoreNews2: SpO2 scale', () => {
  it.each([null, undefined])('uses scale 1 when the scale is %p', (spo2Scale) => {
    const result = scoreNews2(aCompleteSet({ spo2: 91, spo2Scale }));
    expect(result.parameters.spo2).toBe(3);
    expect(result.complete).toBe(true);
  });
});

describe('news2ResponseLabel', () => {
  it.each([
    {
      response: 'low',
      label: 'Low: observations at least 4-6-hourly (at least 12-hourly when the score is 0)',
    },
    { response: 'low-medium', label: 'Urgent ward-based review: observations at least hourly' },
    { response: 'medium', label: 'Urgent response: observations at least hourly' },
    { response: 'high', label: 'Emergency response: continuous monitoring' },
    { response: null, label: 'No NEWS2: observation set incomplete' },
  ] as const)('describes $response as "$label"', ({ response, label }) => {
    expect(news2ResponseLabel(response)).toBe(label);
  });
});

// Readings may fall between printed bands, so the generators mix whole and fractional values.
function reading(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(fc.integer({ min, max }), fc.double({ min, max, noNaN: true }));
}
function temperature(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: Math.round(min * 10), max: Math.round(max * 10) }).map((tenths) => tenths / 10),
    fc.double({ min, max, noNaN: true }),
  );
}

const aRandomCompleteSet = fc.record({
  respirationRate: reading(0, 60),
  spo2: reading(50, 100),
  spo2Scale: fc.constantFrom<Spo2Scale>(1, 2),
  supplementalOxygen: fc.boolean(),
  systolicBp: reading(40, 300),
  pulse: reading(20, 220),
  consciousness: fc.constantFrom<Consciousness>('alert', 'confusion', 'voice', 'pain', 'unresponsive'),
  temperatureC: temperature(30, 44),
});

describe('scoreNews2: properties', () => {
  it('totals a complete set as the sum of its parameter scores', () => {
    fc.assert(
      fc.property(aRandomCompleteSet, (set) => {
        const result = scoreNews2(set);
        expect(result.complete).toBe(true);
        expect(result.missing).toEqual([]);
        const sum = chartOrder.reduce((total, item) => total + (result.parameters[item] ?? Number.NaN), 0);
        expect(result.total).toBe(sum);
        expect(result.response).not.toBeNull();
      }),
    );
  });

  it('scores each parameter 0, 1, 2 or 3', () => {
    fc.assert(
      fc.property(aRandomCompleteSet, (set) => {
        for (const score of Object.values(scoreNews2(set).parameters)) {
          expect([0, 1, 2, 3]).toContain(score);
        }
      }),
    );
  });

  it('never gives a total or a response when any item is missing', () => {
    fc.assert(
      fc.property(aRandomCompleteSet, fc.constantFrom(...chartOrder), (set, item) => {
        const result = scoreNews2({ ...set, [item]: null });
        expect(result.complete).toBe(false);
        expect(result.total).toBeNull();
        expect(result.response).toBeNull();
        expect(result.missing).toContain(item);
      }),
    );
  });

  // The normal band of each item; moving a reading further from it never lowers the total.
  type Reading = 'respirationRate' | 'systolicBp' | 'pulse' | 'temperatureC';
  const normalBands: {
    item: Reading;
    lowest: number;
    highest: number;
    values: (min: number, max: number) => fc.Arbitrary<number>;
  }[] = [
    { item: 'respirationRate', lowest: 12, highest: 20, values: reading },
    { item: 'systolicBp', lowest: 111, highest: 219, values: reading },
    { item: 'pulse', lowest: 51, highest: 90, values: reading },
    { item: 'temperatureC', lowest: 36.1, highest: 38.0, values: temperature },
  ];

  it.each(normalBands)('never lowers the total as $item rises above $lowest', ({ item, lowest, values }) => {
    fc.assert(
      fc.property(aRandomCompleteSet, values(lowest, 400), values(lowest, 400), (set, a, b) => {
        const [nearer, further] = a <= b ? [a, b] : [b, a];
        expect(totalOf({ ...set, [item]: further })).toBeGreaterThanOrEqual(
          totalOf({ ...set, [item]: nearer }),
        );
      }),
    );
  });

  it.each(normalBands)(
    'never lowers the total as $item falls below $highest',
    ({ item, highest, values }) => {
      fc.assert(
        fc.property(aRandomCompleteSet, values(0, highest), values(0, highest), (set, a, b) => {
          const [nearer, further] = a >= b ? [a, b] : [b, a];
          expect(totalOf({ ...set, [item]: further })).toBeGreaterThanOrEqual(
            totalOf({ ...set, [item]: nearer }),
          );
        }),
      );
    },
  );

  it('never lowers the total as SpO2 falls on scale 1', () => {
    fc.assert(
      fc.property(aRandomCompleteSet, reading(0, 100), reading(0, 100), (set, a, b) => {
        const [higher, lower] = a >= b ? [a, b] : [b, a];
        const onScale1 = { ...set, spo2Scale: 1 as const };
        expect(totalOf({ ...onScale1, spo2: lower })).toBeGreaterThanOrEqual(
          totalOf({ ...onScale1, spo2: higher }),
        );
      }),
    );
  });

  it('never lowers the total when oxygen is added on scale 1', () => {
    fc.assert(
      fc.property(aRandomCompleteSet, (set) => {
        const onScale1 = { ...set, spo2Scale: 1 as const };
        expect(totalOf({ ...onScale1, supplementalOxygen: true })).toBeGreaterThanOrEqual(
          totalOf({ ...onScale1, supplementalOxygen: false }),
        );
      }),
    );
  });

  it('never lowers the total when oxygen is added on scale 2', () => {
    fc.assert(
      fc.property(aRandomCompleteSet, (set) => {
        const onScale2 = { ...set, spo2Scale: 2 as const };
        expect(totalOf({ ...onScale2, supplementalOxygen: true })).toBeGreaterThanOrEqual(
          totalOf({ ...onScale2, supplementalOxygen: false }),
        );
      }),
    );
  });
});
