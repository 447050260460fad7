import type { StaffName } from '../core/api-types';

/** Who entered a record: "you", or the colleague's name as the admission names its staff. */
export function recordedBy(
  userId: string,
  signedInUserId: string | undefined,
  staff: readonly StaffName[],
): string {
  if (userId === signedInUserId) return 'you';
  return staff.find((person) => person.id === userId)?.displayName ?? `user ${userId.slice(0, 8)}`;
}
