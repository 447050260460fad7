import { type GzipPiece, gzipOf, gzipPiece } from '../common/gzip-pieces.js';
import type { TimelineResponse } from './dto/timeline.response.js';

/** The lazily compressed form of a text, compressed once however often it is sent. */
class Piece {
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
}
