import type { EntityManager } from 'typeorm';
import { Patient } from './patient.entity.js';

const SEARCH_LIMIT = 20;

/**
 * Patients whose MRN, family name or given name starts with the text (case- and accent-insensitive),
 * served by the prefix indexes on upper(mrn) and search_key(name). "Family, Given" narrows by both.
 */
export function searchPatients(manager: EntityManager, text: string): Promise<Patient[]> {
  const [first, second] = text.split(',').map((part) => escapeLike(part.trim()));
  const query = manager
    .createQueryBuilder(Patient, 'patient')
    .orderBy('patient.family_name')
    .addOrderBy('patient.given_name')
    .limit(SEARCH_LIMIT);
  if (second !== undefined && second !== '') {
    return query
      .where("search_key(patient.family_name) LIKE search_key(:family) || '%'", { family: first })
      .andWhere("search_key(patient.given_name) LIKE search_key(:given) || '%'", { given: second })
      .getMany();
  }
  return query
    .where("upper(patient.mrn) LIKE upper(:text) || '%'", { text: first })
    .orWhere("search_key(patient.family_name) LIKE search_key(:text) || '%'", { text: first })
    .orWhere("search_key(patient.given_name) LIKE search_key(:text) || '%'", { text: first })
    .getMany();
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
