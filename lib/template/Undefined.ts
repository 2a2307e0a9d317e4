import { TemplateFault } from './TemplateFault.js';

// Stands for a missing variable or key while an expression runs, so `is defined` and `default` can test it; any other use is an error.
export class Undefined {
  readonly message: string;
  private readonly hintOf: () => string | undefined;

  constructor(message: string, hint?: string | (() => string | undefined)) {
    this.message = message;
    this.hintOf = typeof hint === 'function' ? hint : () => hint;
  }

  /** Computed only when the error is raised: suggestions scan every name in scope. */
  get hint(): string | undefined {
    return this.hintOf();
  }
}

/** The value itself, or the UNDEFINED_VAR error an Undefined stands for. */
export function defined<T>(value: T | Undefined): T {
  if (value instanceof Undefined) throw new TemplateFault('UNDEFINED_VAR', value.message, value.hint);
  return value;
}
