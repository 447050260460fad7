import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, viewChild } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatToolbar } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AppInfoStore } from '../app-info/app-info-store';
import { ROLE_LABELS } from '../auth/access';
import { AuthState } from '../auth/auth-state';
import { NAVIGATION } from './navigation';

/** The frame around every signed-in page: who, where, and the way to each page the roles open. */
@Component({
  selector: 'app-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatToolbar, MatAnchor, MatButton, RouterLink, RouterLinkActive, RouterOutlet],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly auth = inject(AuthState);
  private readonly router = inject(Router);
  private readonly appInfo = inject(AppInfoStore);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly wardName = this.appInfo.wardName;
  protected readonly user = this.auth.user;
  protected readonly roleNames = computed(() =>
    this.auth
      .roles()
      .map((role) => ROLE_LABELS[role])
      .join(', '),
  );
  protected readonly links = computed(() => NAVIGATION.filter((link) => this.auth.hasAnyRole(link.roles)));

  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected async signOut(): Promise<void> {
    await this.auth.signOut();
    await this.router.navigate(['/sign-in']);
  }
}
