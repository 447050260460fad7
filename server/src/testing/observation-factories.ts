/** A full, normal observation set as a nurse would record it; the pump showing the given rate. */
export function anObservationSet(overrides: Record<string, unknown> = {}) {
  return {
    respirationRate: 16,
    spo2: 97,
    spo2Scale: 1,
    supplementalOxygen: false,
    systolicBp: 124,
    diastolicBp: 78,
    pulse: 76,
    consciousness: 'alert',
    temperatureC: 36.8,
    sedation: '1',
    painScore: 6,
    sideEffects: { nausea: 'mild', vividDreams: 'none' },
    pumpRate: { value: 0.1, unit: 'mg/kg/h' },
    ...overrides,
  };
}
