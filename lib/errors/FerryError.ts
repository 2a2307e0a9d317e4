/** Where a problem is: a source position, a host, or both. */
export interface Where {
  file?: string;
  line?: number;
  col?: number;
  host?: string;
}

/** Stable codes: specs and callers branch on these, never on message text. */
export type ErrorCode =
  | 'YAML_SYNTAX'
  | 'SCHEMA'
  | 'UNKNOWN_MODULE'
  | 'UNKNOWN_KEY'
  | 'UNDEFINED_VAR'
  | 'TEMPLATE'
  | 'FILE_NOT_FOUND'
  | 'INCLUDE_CYCLE'
  | 'INVENTORY'
  | 'LIMIT'
  | 'USAGE'
  | 'UNREACHABLE'
  | 'HOST_KEY'
  | 'AUTH'
  | 'REMOTE'
  | 'TIMEOUT'
  | 'LOCKED'
  | 'MODULE'
  | 'GITEA'
  | 'INTERNAL';

// The one error type of ferry: it carries a code, a place and a hint, so every message says what, where and what to do.
export class FerryError extends Error {
  readonly code: ErrorCode;
  readonly where: Where;
  readonly hint?: string;

  constructor(code: ErrorCode, message: string, where: Where = {}, hint?: string) {
    super(message);
    this.name = 'FerryError';
    this.code = code;
    this.where = where;
    this.hint = hint;
  }

  /** `file:line:col: message (hint)` or `host: message (hint)`, one line. */
  format(): string {
    return formatProblem(this.message, this.where, this.hint);
  }
}

/** Formats any problem the way every ferry message reads. */
export function formatProblem(message: string, where: Where, hint?: string): string {
  const pos = where.file
    ? [where.file, where.line, where.col].filter((p) => p !== undefined).join(':')
    : '';
  const place = [pos, where.host && `[${where.host}]`].filter(Boolean).join(' ');
  const tail = hint ? ` (${hint})` : '';
  return place ? `${place}: ${message}${tail}` : `${message}${tail}`;
}

/** Many problems found at once: loaders collect them all before giving up. */
export class FerryErrors extends Error {
  readonly problems: FerryError[];

  constructor(problems: FerryError[]) {
    super(problems.map((p) => p.format()).join('\n'));
    this.name = 'FerryErrors';
    this.problems = problems;
  }
}
