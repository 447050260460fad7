/**
 * Questionnaires are data, not code: an instrument definition lists its items, its scale and its
 * scoring rule. The app ships the PGIC and the pain NRS; a site loads licensed ones (the BPI).
 */
export interface InstrumentItem {
  key: string;
  text: string;
}

export interface InstrumentScale {
  min: number;
  max: number;
  minAnchor: string;
  maxAnchor: string;
  /** Words for every point of the scale, where the instrument has them (the PGIC). */
  labels?: { value: number; text: string }[];
}

export interface InstrumentScoring {
  /** The mean of the answered items. */
  rule: 'mean';
  /** The score is valid only when at least this many items are answered. */
  minAnswered: number;
}

export interface InstrumentDefinition {
  code: string;
  version: string;
  title: string;
  /** True for example text that is not the licensed instrument (the demo's BPI). */
  placeholder: boolean;
  recall: string;
  items: InstrumentItem[];
  scale: InstrumentScale;
  scoring: InstrumentScoring;
}

/** Answers by item key; null (or absent) is "not answered", never 0. */
export type InstrumentAnswers = Record<string, number | null>;

export interface InstrumentScore {
  /** Mean of the answered items, rounded to 2 decimals; null when none is answered. */
  score: number | null;
  /** The score may be used: at least `minAnswered` items answered. */
  valid: boolean;
  answered: number;
}

/** Mean of the answered items, valid only with at least minAnswered (BPI interference: 4 of 7). */
export function scoreInstrument(
  definition: InstrumentDefinition,
  answers: InstrumentAnswers,
): InstrumentScore {
  const values = definition.items
    .map((item) => answers[item.key])
    .filter((value): value is number => typeof value === 'number');
  if (values.length === 0) return { score: null, valid: false, answered: 0 };
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    score: Math.round(mean * 100) / 100,
    valid: values.length >= definition.scoring.minAnswered,
    answered: values.length,
  };
}

/** What is wrong with a set of answers for this instrument; empty when they fit it. */
export function instrumentAnswerProblems(
  definition: InstrumentDefinition,
  answers: InstrumentAnswers,
): string[] {
  const problems: string[] = [];
  const keys = new Set(definition.items.map((item) => item.key));
  for (const [key, value] of Object.entries(answers)) {
    if (!keys.has(key)) {
      problems.push(`${definition.code} has no item "${key}"`);
    } else if (
      value !== null &&
      (typeof value !== 'number' ||
        !Number.isInteger(value) ||
        value < definition.scale.min ||
        value > definition.scale.max)
    ) {
      problems.push(
        `${definition.code} ${key} must be a whole number from ${definition.scale.min} to ${definition.scale.max}, or null when not answered`,
      );
    }
  }
  return problems;
}

/** PGIC wording as in domain.md; every stored PGIC answer names this id (wordings differ between sources). */
export const PGIC_WORDING_ID = 'pgic-7-point-v1';

export const PGIC_DEFINITION: InstrumentDefinition = {
  code: 'pgic',
  version: PGIC_WORDING_ID,
  title: 'Patient Global Impression of Change',
  placeholder: false,
  recall: 'Since the start of treatment',
  items: [{ key: 'pgic', text: 'Since the start of treatment, my overall status is:' }],
  scale: {
    min: 1,
    max: 7,
    minAnchor: 'Very much improved',
    maxAnchor: 'Very much worse',
    labels: [
      { value: 1, text: 'Very much improved' },
      { value: 2, text: 'Much improved' },
      { value: 3, text: 'Minimally improved' },
      { value: 4, text: 'No change' },
      { value: 5, text: 'Minimally worse' },
      { value: 6, text: 'Much worse' },
      { value: 7, text: 'Very much worse' },
    ],
  },
  scoring: { rule: 'mean', minAnswered: 1 },
};

/** PGIC 1-2 (much or very much improved) is the usual responder cut-off (domain.md). */
export function isPgicResponder(pgic: number): boolean {
  return pgic === 1 || pgic === 2;
}

export const NRS_DEFINITION: InstrumentDefinition = {
  code: 'nrs',
  version: 'nrs-11-point-v1',
  title: 'Pain intensity (numeric rating scale)',
  placeholder: false,
  recall: 'Now',
  items: [{ key: 'painNow', text: 'How much pain do you have now?' }],
  scale: { min: 0, max: 10, minAnchor: 'No pain', maxAnchor: 'Worst pain imaginable' },
  scoring: { rule: 'mean', minAnswered: 1 },
};

/** The instruments the app ships; others (the BPI) are loaded by a site. */
export const SHIPPED_INSTRUMENTS: readonly InstrumentDefinition[] = [PGIC_DEFINITION, NRS_DEFINITION];

const CODE = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * What is wrong with a definition read from a file (docs/instruments.md); empty when it can be loaded.
 * Checks the shape and the rules the scoring relies on.
 */
export function instrumentDefinitionProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['a definition is a JSON object'];
  // Named fields, so the client's noPropertyAccessFromIndexSignature accepts `definition.code`.
  type Fields<K extends string> = Partial<Record<K, unknown>> & Record<string, unknown>;
  const definition = value as Fields<'code' | 'placeholder' | 'scale' | 'items' | 'scoring'>;
  const text = (field: string, max: number) => {
    const found = definition[field];
    if (typeof found !== 'string' || found.trim() === '' || found.length > max) {
      problems.push(`${field} must be text of 1 to ${max} characters`);
    }
  };
  if (typeof definition.code !== 'string' || !CODE.test(definition.code)) {
    problems.push('code must be 1-40 lower-case letters, digits or dashes, starting with a letter');
  }
  text('version', 60);
  text('title', 200);
  text('recall', 200);
  if (typeof definition.placeholder !== 'boolean') problems.push('placeholder must be true or false');
  const scale = definition.scale as Fields<'labels'> | undefined;
  let scaleOk = false;
  if (typeof scale !== 'object' || scale === null) {
    problems.push('scale must be an object { min, max, minAnchor, maxAnchor }');
  } else {
    const { min, max, minAnchor, maxAnchor } = scale;
    if (!Number.isInteger(min) || !Number.isInteger(max) || (min as number) >= (max as number)) {
      problems.push('scale.min and scale.max must be whole numbers, min below max');
    } else if ((min as number) < -100 || (max as number) > 100) {
      problems.push('scale must lie within -100 and 100');
    } else scaleOk = true;
    if (typeof minAnchor !== 'string' || minAnchor.trim() === '')
      problems.push('scale.minAnchor must be text');
    if (typeof maxAnchor !== 'string' || maxAnchor.trim() === '')
      problems.push('scale.maxAnchor must be text');
    if (scale.labels !== undefined) {
      const labels = scale.labels;
      if (
        !Array.isArray(labels) ||
        labels.some(
          (label) =>
            typeof label !== 'object' ||
            label === null ||
            !Number.isInteger((label as { value: unknown }).value) ||
            typeof (label as { text: unknown }).text !== 'string' ||
            (scaleOk &&
              ((label as { value: number }).value < (min as number) ||
                (label as { value: number }).value > (max as number))),
        )
      ) {
        problems.push('scale.labels must be a list of { value, text } within the scale');
      }
    }
  }
  const items = definition.items;
  if (!Array.isArray(items) || items.length === 0 || items.length > 50) {
    problems.push('items must be a list of 1 to 50 { key, text }');
  } else {
    const keys = new Set<string>();
    for (const item of items as unknown[]) {
      const { key, text: itemText } = (item ?? {}) as { key?: unknown; text?: unknown };
      if (typeof key !== 'string' || !/^[A-Za-z][A-Za-z0-9-]{0,39}$/.test(key)) {
        problems.push('every item key must be 1-40 letters, digits or dashes, starting with a letter');
      } else if (keys.has(key)) {
        problems.push(`item key "${key}" appears twice`);
      } else keys.add(key);
      if (typeof itemText !== 'string' || itemText.trim() === '') problems.push('every item needs its text');
    }
  }
  const scoring = definition.scoring as Fields<'rule' | 'minAnswered'> | undefined;
  if (typeof scoring !== 'object' || scoring === null || scoring.rule !== 'mean') {
    problems.push("scoring must be { rule: 'mean', minAnswered }");
  } else if (
    !Number.isInteger(scoring.minAnswered) ||
    (scoring.minAnswered as number) < 1 ||
    (Array.isArray(items) && (scoring.minAnswered as number) > items.length)
  ) {
    problems.push('scoring.minAnswered must be a whole number from 1 to the number of items');
  }
  return [...new Set(problems)];
}
