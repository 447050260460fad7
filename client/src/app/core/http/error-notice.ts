import { Injectable, signal } from '@angular/core';
import { Problem } from '../api-types';

/** The one error the banner shows: the latest failure no page handled itself. */
@Injectable({ providedIn: 'root' })
export class ErrorNotice {
  private readonly current = signal<Problem | null>(null);
  readonly problem = this.current.asReadonly();

  show(problem: Problem): void {
    this.current.set(problem);
  }

  dismiss(): void {
    this.current.set(null);
  }
}
