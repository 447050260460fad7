import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { ChangePasswordRequest, LoginRequest, UserResponse } from '../api-types';
import { pageHandlesErrors } from '../http/page-handles-errors';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  /** 401 when nobody is signed in: an answer, not an error, so no banner. */
  me(): Observable<UserResponse> {
    return this.http.get<UserResponse>('/api/auth/me', { context: pageHandlesErrors() });
  }

  login(request: LoginRequest): Observable<UserResponse> {
    return this.http.post<UserResponse>('/api/auth/login', request, { context: pageHandlesErrors() });
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', null);
  }

  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>('/api/auth/change-password', request, { context: pageHandlesErrors() });
  }
}
