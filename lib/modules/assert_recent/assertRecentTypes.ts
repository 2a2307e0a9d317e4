/** assert_recent's arguments: a file, optionally the pattern of its success lines, and the oldest age allowed. */
export interface AssertRecentArgs {
  path: string;
  /** Extended regular expression (grep -E) of a success line; without it the file's mtime is judged. */
  pattern?: string;
  /** A duration such as `24h`, `30m`, `7d`, `90s`. */
  max_age: string;
}

/** What the host found, by its own clock; never a line of the file, only its number and the timestamp on it. */
export interface RecentFacts {
  host: string;
  /** The host's clock, seconds since the epoch. */
  now: number;
  /** The host's UTC offset (`+0200`), for timestamps written without one. */
  offset: string;
  state: 'missing' | 'unreadable' | 'bad-pattern' | 'no-match' | 'found';
  /** The file's mtime, seconds since the epoch. */
  mtime?: number;
  /** 1-based number of the last line matching the pattern. */
  line?: number;
  /** The first ISO 8601 timestamp on that line, as written; empty when it has none. */
  stamp?: string;
}
