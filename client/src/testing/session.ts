import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { AppInfo, User } from '../app/core/api-types';
import { AppInfoStore } from '../app/core/app-info/app-info-store';
import { AuthState } from '../app/core/auth/auth-state';
import { anAppInfo } from './factories';

/** Signs `user` in the way the app does at start-up: GET /api/auth/me. */
export async function signInAs(user: User): Promise<void> {
  const signedIn = TestBed.inject(AuthState).refresh();
  TestBed.inject(HttpTestingController).expectOne('/api/auth/me').flush({ user });
  await signedIn;
}

export async function loadAppInfo(overrides: Partial<AppInfo> = {}): Promise<AppInfo> {
  const info = anAppInfo(overrides);
  const loaded = TestBed.inject(AppInfoStore).load();
  TestBed.inject(HttpTestingController).expectOne('/api/app-info').flush(info);
  await loaded;
  return info;
}
