import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { encode } from 'uqr';

/** The dark modules of a QR code as one SVG path: one unit square per module, the quiet zone included. */
export function qrPath(text: string): { size: number; d: string } {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size, d };
}

/** A QR code drawn as SVG in the page itself: no image service, no canvas. */
@Component({
  selector: 'app-qr-code',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      [attr.aria-label]="label()"
      [attr.viewBox]="'0 0 ' + qr().size + ' ' + qr().size"
      shape-rendering="crispEdges"
    >
      <rect [attr.width]="qr().size" [attr.height]="qr().size" fill="#fff" />
      <path [attr.d]="qr().d" fill="#000" />
    </svg>
  `,
  styles: `
    :host {
      display: inline-block;
      width: 10rem;
      height: 10rem;
    }
    svg {
      width: 100%;
      height: 100%;
    }
  `,
})
export class QrCode {
  readonly text = input.required<string>();
  readonly label = input('QR code');
  protected readonly qr = computed(() => qrPath(this.text()));
}
