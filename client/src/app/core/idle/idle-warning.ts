import { A11yModule } from '@angular/cdk/a11y';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { IdleLock } from './idle-lock';

@Component({
  selector: 'app-idle-warning',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [A11yModule, MatButton],
  template: `
    @if (idleLock.warning()) {
      <div class="backdrop">
        <section
          class="dialog"
          role="alertdialog"
          aria-modal="true"
          aria-labelledby="idle-warning-title"
          aria-describedby="idle-warning-text"
          cdkTrapFocus
        >
          <h2 id="idle-warning-title">Still there?</h2>
          <p id="idle-warning-text">
            You will be signed out in one minute because there has been no activity on this computer.
          </p>
          <button mat-flat-button type="button" #stayButton (click)="staySignedIn()">Stay signed in</button>
        </section>
      </div>
    }
  `,
  styles: `
    .backdrop {
      position: fixed;
      inset: 0;
      z-index: 1000;
      display: grid;
      place-items: center;
      padding: 1rem;
      background: rgb(0 0 0 / 45%);
    }
    .dialog {
      max-width: 28rem;
      padding: 1.5rem;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      box-shadow: var(--mat-sys-level3);
    }
    h2 {
      margin-top: 0;
    }
  `,
})
export class IdleWarning {
  protected readonly idleLock = inject(IdleLock);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly stayButton = viewChild('stayButton', { read: ElementRef<HTMLButtonElement> });
  private focusBefore: HTMLElement | null = null;

  constructor() {
    // The warning takes the focus so that a keyboard user can answer it at once, and gives it back.
    effect(() => {
      if (this.idleLock.warning()) {
        const active = this.document.activeElement;
        this.focusBefore = active instanceof HTMLElement ? active : null;
        afterNextRender(() => this.stayButton()?.nativeElement.focus(), { injector: this.injector });
      }
    });
  }

  protected staySignedIn(): void {
    this.focusBefore?.focus();
    this.focusBefore = null;
    void this.idleLock.staySignedIn();
  }
}
