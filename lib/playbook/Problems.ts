import { FerryError, FerryErrors, type ErrorCode } from '../errors/FerryError.js';
import type { Pos } from './types.js';

// Loaders report every problem at once: this collects them, drops exact repeats and throws them together.
export class Problems {
  private readonly list: FerryError[] = [];
  private readonly seen = new Set<string>();

  /** Records one problem at a source position (or at no position when none is known). */
  add(code: ErrorCode, message: string, pos?: Pos, hint?: string): void {
    const where = pos ? { file: pos.file, line: pos.line, col: pos.col } : {};
    const problem = new FerryError(code, message, where, hint);
    const key = `${code}|${problem.format()}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(problem);
  }

  get count(): number {
    return this.list.length;
  }

  /** Throws every problem collected so far as one FerryErrors (by file as first met, then line), or returns when there are none. */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const files = [...new Set(this.list.map((p) => p.where.file ?? ''))];
    const rank = (p: FerryError) => [files.indexOf(p.where.file ?? ''), p.where.line ?? 0, p.where.col ?? 0];
    const sorted = [...this.list].sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
    });
    throw new FerryErrors(sorted);
  }
}
