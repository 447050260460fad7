import { inject } from '@angular/core';
import { CanActivateFn, RedirectCommand, RedirectFunction, Router } from '@angular/router';
import { Role } from '../api-types';
import { ACCESS } from './access';
import { AuthState } from './auth-state';

export const signedInGuard: CanActivateFn = (_route, state) => {
  if (inject(AuthState).signedIn()) {
    return true;
  }
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/** The sign-in page is for people not yet signed in. */
export const signedOutGuard: CanActivateFn = () =>
  inject(AuthState).signedIn() ? inject(Router).createUrlTree(['/']) : true;

export const mustChangePasswordGuard: CanActivateFn = (_route, state) => {
  if (!inject(AuthState).user()?.mustChangePassword) {
    return true;
  }
  return inject(Router).createUrlTree(['/change-password'], { queryParams: { returnUrl: state.url } });
};

/** Reads `data: { roles: [...] }` of the route. Keeps the address the person asked for in the address bar and shows
 * the no-access page in its place. */
export const roleGuard: CanActivateFn = (route, state) => {
  const roles = (route.data['roles'] ?? []) as readonly Role[];
  if (inject(AuthState).hasAnyRole(roles)) {
    return true;
  }
  const router = inject(Router);
  return new RedirectCommand(router.parseUrl('/no-access'), { browserUrl: state.url });
};

/** The first page the person's roles open: the ward for nurses and prescribers. */
export const homeRedirect: RedirectFunction = () => {
  const auth = inject(AuthState);
  if (!auth.signedIn()) {
    return '/sign-in';
  }
  if (auth.hasAnyRole(ACCESS.ward)) {
    return '/ward';
  }
  if (auth.hasAnyRole(ACCESS.users)) {
    return '/admin/users';
  }
  if (auth.hasAnyRole(ACCESS.reports)) {
    return '/reports';
  }
  if (auth.hasAnyRole(ACCESS.audit)) {
    return '/admin/audit';
  }
  return '/no-access';
};
