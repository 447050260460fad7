import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ChangePasswordRequest, LoginRequest, Role, User } from '../api-types';
import { AuthApi } from './auth.api';

/** Who is signed in, as the server last told us. */
@Injectable({ providedIn: 'root' })
export class AuthState {
  private readonly api = inject(AuthApi);
  private readonly current = signal<User | null>(null);

  readonly user = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);
  readonly roles = computed<readonly Role[]>(() => this.current()?.roles ?? []);

  hasAnyRole(roles: readonly Role[]): boolean {
    const mine = this.roles();
    return roles.some((role) => mine.includes(role));
  }

  /** Asks the server who is signed in; true when somebody is. */
  async refresh(): Promise<boolean> {
    try {
      const { user } = await firstValueFrom(this.api.me());
      this.current.set(user);
      return true;
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 401) {
        this.current.set(null);
        return false;
      }
      throw error;
    }
  }

  /** At start-up: a server that cannot answer leaves the person signed out rather than the app blank. */
  async load(): Promise<void> {
    try {
      await this.refresh();
    } catch {
      this.current.set(null);
    }
  }

  /** Rejects with the HttpErrorResponse the server gave (401, 429 ...). */
  async signIn(request: LoginRequest): Promise<User> {
    const { user } = await firstValueFrom(this.api.login(request));
    this.current.set(user);
    return user;
  }

  /** Forgets the user even when the server cannot be told: a shared ward computer must not stay signed in. */
  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.api.logout(), { defaultValue: undefined });
    } catch {
      // Already signed out on the server, or unreachable; either way the session is over here.
    } finally {
      this.current.set(null);
    }
  }

  async changePassword(request: ChangePasswordRequest): Promise<void> {
    await firstValueFrom(this.api.changePassword(request), { defaultValue: undefined });
    await this.refresh();
  }

  /** The server said the session is gone. */
  clear(): void {
    this.current.set(null);
  }
}
