// The observation set every benchmark request records: a full, normal set as a nurse enters it (the
// form sends every side effect, defaulting to none). takenAt is left out, so it is "now" for the app.
export const OBSERVATION_SET = {
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
  sideEffects: {
    nausea: 'mild',
    vomiting: 'none',
    dizziness: 'none',
    visualDisturbance: 'none',
    nystagmus: 'none',
    vividDreams: 'none',
    hallucinations: 'none',
    dissociation: 'none',
    agitation: 'none',
    hypersalivation: 'none',
    urinarySymptoms: 'none',
  },
  pumpRate: { value: 0.1, unit: 'mg/kg/h' },
};
