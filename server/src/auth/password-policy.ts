import { registerDecorator, type ValidationOptions } from 'class-validator';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 12;

/**
 * NIST SP 800-63B: a length minimum and a check against commonly used passwords, and no
 * composition rules. Returns what is wrong, or null.
 */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (password.length > 256) return 'must be at most 256 characters long';
  if (COMMON_PASSWORDS.has(password.toLowerCase()))
    return 'is too common: choose a less predictable password';
  return null;
}

export function IsAcceptablePassword(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null,
        defaultMessage: (args) =>
          `${args?.property} ${typeof args?.value === 'string' ? passwordProblem(args.value) : 'must be a string'}`,
      },
    });
}
