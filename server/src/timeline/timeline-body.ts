import { type GzipPiece, gzipOf, gzipPiece } from '../common/gzip-pieces.js';
import type { TimelineResponse } from './dto/timeline.response.js';

/** The lazily compressed form of a text, compressed once however often it is sent. */
export class Piece {
  private compressed: GzipPiece | null = null;

  constructor(readonly text: string) {}

  gzip(): GzipPiece {
    return (this.compressed ??= gzipPiece(this.text));
  }
}

const CLOSING_BRACE = gzipPiece('}');

/**
 * A stay's timeline as this process last answered it, apart from the moment it was generated: kept
 * with the version of the stay it was made from and the ward's date it was made for (follow-up
 * statuses depend on it), and given again while both are unchanged (ADR 11). The observation columns,
 * nearly all of it, are JSON text from PostgreSQL, added as they came, never parsed and written again.
 * Compressed once, when first sent compressed.
 */
export class KeptTimeline {
  private readonly middle: Piece;
  private readonly observations: Piece;
  /** Pictures of the stay's chart drawn from this timeline (ADR 12), by width, layout and minute. */
  private readonly pictures = new Map<string, Promise<Piece>>();

  constructor(
    readonly version: string,
    readonly today: string,
    rest: Omit<TimelineResponse, 'observations' | 'generatedAt'>,
    observations: string,
  ) {
    this.middle = new Piece(`${JSON.stringify(rest).slice(1, -1)},"observations":`);
    this.observations = new Piece(observations);
  }

  /** The TimelineResponse as JSON text. */
  text(generatedAt: Date): string {
    return `${opening(generatedAt)}${this.middle.text}${this.observations.text}}`;
  }

  /**
   * A picture drawn from this timeline, kept with it (so it goes when the stay changes): drawn once for
   * each key, the last few kept; a drawing that failed is not kept.
   */
  picture(key: string, draw: () => Promise<string>): Promise<Piece> {
    let picture = this.pictures.get(key);
    if (!picture) {
      const drawing = draw().then((svg) => new Piece(svg));
      drawing.catch(() => {
        if (this.pictures.get(key) === drawing) this.pictures.delete(key);
      });
      this.pictures.set(key, drawing);
      if (this.pictures.size > KEPT_PICTURES)
        this.pictures.delete(this.pictures.keys().next().value as string);
      picture = drawing;
    }
    return picture;
  }

  /** The same JSON as one gzip member, only its first few bytes compressed for this answer. */
  gzip(generatedAt: Date): Buffer {
    return gzipOf([
      gzipPiece(opening(generatedAt)),
      this.middle.gzip(),
      this.observations.gzip(),
      CLOSING_BRACE,
    ]);
  }
}

const KEPT_PICTURES = 4;

const opening = (generatedAt: Date) => `{"generatedAt":"${generatedAt.toISOString()}",`;

/** A kept timeline at the moment of one answer. */
export class TimelineBody {
  constructor(
    private readonly kept: KeptTimeline,
    private readonly generatedAt: Date,
  ) {}

  text(): string {
    return this.kept.text(this.generatedAt);
  }

  gzip(): Buffer {
    return this.kept.gzip(this.generatedAt);
  }

  /**
   * A picture of the stay's chart, drawn by `draw` from this timeline (as JSON text) as of the start of
   * this answer's minute ("now" on a current stay's chart), and kept for the rest of that minute.
   */
  picture(layout: string, draw: (timeline: string) => Promise<string>): Promise<Piece> {
    const minute = new Date(this.generatedAt.getTime() - (this.generatedAt.getTime() % 60_000));
    return this.kept.picture(`${layout} ${minute.toISOString()}`, () => draw(this.kept.text(minute)));
  }
}
