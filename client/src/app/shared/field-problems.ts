import { Problem } from '../core/api-types';

/**
 * The server's messages about one field of a validation problem, so a form can show them beside the
 * field as well as in its summary. `instruments.0.answers` counts as a message about `instruments`.
 */
export function fieldProblems(problem: Problem | null, field: string): string[] {
  return (problem?.errors ?? [])
    .filter((error) => error.field === field || error.field.startsWith(`${field}.`))
    .flatMap((error) => error.messages);
}
