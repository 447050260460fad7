import { FormControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { ROLES, Role } from '../core/api-types';

/** One checkbox per role, for the user forms. */
export type RoleFlags = FormGroup<Record<Role, FormControl<boolean>>>;

export function roleFlagsGroup(roles: readonly Role[] = []): RoleFlags {
  const controls = Object.fromEntries(
    ROLES.map((role) => [role, new FormControl(roles.includes(role), { nonNullable: true })]),
  ) as Record<Role, FormControl<boolean>>;
  return new FormGroup(controls, { validators: atLeastOneRole });
}

export function selectedRoles(flags: Record<Role, boolean>): Role[] {
  return ROLES.filter((role) => flags[role]);
}

export function roleFlags(roles: readonly Role[]): Record<Role, boolean> {
  return Object.fromEntries(ROLES.map((role) => [role, roles.includes(role)])) as Record<Role, boolean>;
}

const atLeastOneRole: ValidatorFn = (group): ValidationErrors | null =>
  Object.values((group as RoleFlags).getRawValue()).some(Boolean) ? null : { noRole: true };
