/**
 * A progress bar on stderr for long work (conformance, benchmarks, demos).
 * On a terminal it redraws one line in place; elsewhere (CI logs, pipes) it writes
 * a plain line at every tenth of the way, so a log shows progress without noise.
 */

/** Where a progress bar writes: a stream with an optional terminal flag and width. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Options of `ProgressBar`. */
export interface ProgressOptions {
  /** Number of steps in all. */
  readonly total: number;
  /** Shown before the bar. */
  readonly label: string;
  /** Default: process.stderr. */
  readonly stream?: ProgressStream;
  /** Draw nothing at all (`--no-progress`). */
  readonly silent?: boolean;
  /** Clock in ms, for tests. Default: Date.now. */
  readonly now?: () => number;
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** A bar of `total` steps: `tick(note)` after each step, `done()` at the end. */
export class ProgressBar {
  private count = 0;
  private lastDecile = 0;
  private readonly started: number;
  private readonly stream: ProgressStream;
  private readonly now: () => number;
  private drawn = false;

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr;
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  /** The line for the current state: label, bar, count, percentage, elapsed and estimated remaining time, note. */
  line(note = ''): string {
    const { total, label } = this.options;
    const frac = total > 0 ? Math.min(1, this.count / total) : 1;
    const width = 24;
    const full = Math.round(frac * width);
    const bar = `${'#'.repeat(full)}${'.'.repeat(width - full)}`;
    const elapsed = this.now() - this.started;
    const eta = this.count > 0 && this.count < total ? ` eta ${seconds((elapsed / this.count) * (total - this.count))}` : '';
    return `${label} [${bar}] ${this.count}/${total} ${String(Math.round(frac * 100)).padStart(3)}% ${seconds(elapsed)}${eta}${note ? `  ${note}` : ''}`;
  }

  /** Redraws the bar (on a terminal) with `note`, e.g. what is running now, without counting a step. */
  show(note: string): void {
    if (this.options.silent || !this.stream.isTTY) return;
    this.draw(note);
  }

  /** Clears the bar's line (on a terminal) so that other output can be printed; the next tick or show redraws it. */
  clear(): void {
    if (this.options.silent) return;
    if (this.stream.isTTY && this.drawn) {
      this.stream.write('\r\u001b[K');
      this.drawn = false;
    }
  }

  private draw(note: string): void {
    const cols = this.stream.columns ?? 100;
    let text = this.line(note);
    if (text.length > cols - 1) text = text.slice(0, cols - 1);
    this.stream.write(`\r${text}\u001b[K`);
    this.drawn = true;
  }

  /** One more step done; `note` says what (e.g. the function just run). */
  tick(note = ''): void {
    this.count++;
    if (this.options.silent) return;
    if (this.stream.isTTY) {
      this.draw(note);
      return;
    }
    const total = this.options.total;
    const decile = total > 0 ? Math.floor((this.count * 10) / total) : 10;
    if (decile > this.lastDecile) {
      this.lastDecile = decile;
      this.stream.write(`${this.line()}\n`);
    }
  }

  /** Ends the bar: on a terminal, clears its line so the results print cleanly. */
  done(): void {
    this.clear();
  }
}
