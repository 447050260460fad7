import { describeReading, implausibleReadings, PLAUSIBLE_RANGES } from './observation-plausibility.js';

describe('implausibleReadings', () => {
  it('finds nothing in a normal set or at the edges of each range', () => {
    expect(
      implausibleReadings({ respirationRate: 16, spo2: 97, systolicBp: 124, pulse: 72, temperatureC: 36.8 }),
    ).toEqual([]);
    expect(
      implausibleReadings({ respirationRate: 7, spo2: 80, systolicBp: 70, pulse: 35, temperatureC: 34 }),
    ).toEqual([]);
    expect(
      implausibleReadings({ respirationRate: 40, spo2: 100, systolicBp: 220, pulse: 170, temperatureC: 41 }),
    ).toEqual([]);
  });

  it('names each reading just outside its range, in chart order', () => {
    expect(
      implausibleReadings({ temperatureC: 41.1, pulse: 34, systolicBp: 221, spo2: 79, respirationRate: 6 }),
    ).toEqual(['respirationRate', 'spo2', 'systolicBp', 'pulse', 'temperatureC']);
    expect(
      implausibleReadings({ respirationRate: 41, systolicBp: 69, pulse: 171, temperatureC: 33.9 }),
    ).toEqual(['respirationRate', 'systolicBp', 'pulse', 'temperatureC']);
  });

  it('ignores readings that were not taken', () => {
    expect(implausibleReadings({ respirationRate: null, spo2: undefined, pulse: Number.NaN })).toEqual([]);
  });

  it('keeps RR 6 outside and RR 7 inside, as the issue asks', () => {
    expect(PLAUSIBLE_RANGES.respirationRate.min).toBe(7);
    expect(implausibleReadings({ respirationRate: 6 })).toEqual(['respirationRate']);
  });
});

describe('describeReading', () => {
  it('says the reading as the question asks it', () => {
    expect(describeReading('respirationRate', 6)).toBe('RR 6');
    expect(describeReading('spo2', 78)).toBe('SpO2 78%');
    expect(describeReading('temperatureC', 33.5)).toBe('Temperature 33.5 °C');
  });
});
