import { scoreNews2 } from './news2.js';
import { observationFlags, pumpDiffers } from './observation-flags.js';

const normal = scoreNews2({
  respirationRate: 16,
  spo2: 97,
  spo2Scale: 1,
  supplementalOxygen: false,
  systolicBp: 125,
  pulse: 72,
  consciousness: 'alert',
  temperatureC: 36.8,
});

describe('observationFlags', () => {
  it('raises nothing for a normal set with the pump at the prescribed rate', () => {
    expect(
      observationFlags({
        news2: normal,
        sedation: '1',
        sideEffects: { nausea: 'mild' },
        pumpRate: { value: 0.15, unit: 'mg/kg/h' },
        currentOrderRate: { value: 0.15, unit: 'mg/kg/h' },
      }),
    ).toEqual([]);
  });

  it('flags POSS 3 and 4, severe side effects and an incomplete NEWS2', () => {
    const incomplete = scoreNews2({ respirationRate: 16 });
    expect(
      observationFlags({
        news2: incomplete,
        sedation: '4',
        sideEffects: { hallucinations: 'severe' },
        pumpRate: null,
        currentOrderRate: null,
      }),
    ).toEqual(['news2-incomplete', 'unacceptable-sedation', 'severe-side-effect']);
    expect(
      observationFlags({
        news2: normal,
        sedation: '2',
        sideEffects: {},
        pumpRate: null,
        currentOrderRate: null,
      }),
    ).toEqual([]);
  });

  it('flags the NEWS2 band', () => {
    const high = scoreNews2({
      respirationRate: 26,
      spo2: 90,
      spo2Scale: 1,
      supplementalOxygen: true,
      systolicBp: 95,
      pulse: 120,
      consciousness: 'voice',
      temperatureC: 39.5,
    });
    expect(
      observationFlags({
        news2: high,
        sedation: 'S',
        sideEffects: null,
        pumpRate: null,
        currentOrderRate: null,
      }),
    ).toEqual(['news2-high']);
  });
});

describe('pumpDiffers', () => {
  it('compares value and unit as recorded, converting nothing', () => {
    expect(pumpDiffers({ value: 0.15, unit: 'mg/kg/h' }, { value: 0.15, unit: 'mg/kg/h' })).toBe(false);
    expect(pumpDiffers({ value: 0.2, unit: 'mg/kg/h' }, { value: 0.15, unit: 'mg/kg/h' })).toBe(true);
    expect(pumpDiffers({ value: 10.5, unit: 'mg/h' }, { value: 0.15, unit: 'mg/kg/h' })).toBe(true);
    expect(pumpDiffers(null, { value: 0.15, unit: 'mg/kg/h' })).toBe(false);
  });
});

describe('observationFlags for a paused or stopped infusion', () => {
  const halted = {
    news2: normal,
    sedation: '1' as const,
    sideEffects: null,
    currentOrderRate: { value: 0.15, unit: 'mg/kg/h' as const },
    infusionHalted: true,
  };

  it('accepts the pump off (0) without comparing it with the last order', () => {
    expect(observationFlags({ ...halted, pumpRate: { value: 0, unit: 'mg/kg/h' } })).toEqual([]);
  });

  it('flags a running pump, even at the last ordered rate', () => {
    expect(observationFlags({ ...halted, pumpRate: { value: 0.15, unit: 'mg/kg/h' } })).toEqual([
      'pump-running-while-stopped',
    ]);
  });

  it('flags a pump at 0 on a running infusion as a discrepancy', () => {
    expect(
      observationFlags({ ...halted, infusionHalted: false, pumpRate: { value: 0, unit: 'mg/kg/h' } }),
    ).toEqual(['pump-discrepancy']);
  });
});
