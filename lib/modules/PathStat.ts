/** What one stat of a remote path found; every field but `exists` is absent when the path is missing. */
export interface PathStat {
  /** The path exists (following symlinks: a dangling link does not exist). */
  exists: boolean;
  /** Target of the symlink, when the path itself is one (even a dangling one). */
  link?: string;
  /** Type of what the path leads to, symlinks followed. */
  type?: 'file' | 'directory' | 'other';
  /** Permission bits, special bits included (0o4755). */
  mode?: number;
  uid?: number;
  gid?: number;
  owner?: string;
  group?: string;
  size?: number;
  /** Hex sha256 of a regular file, when asked for. */
  sha256?: string;
  /** The bytes of a regular file no larger than the asked limit, for diffs. */
  content?: Buffer;
}

// The stat of a path that is not there, written once.
export const MISSING: PathStat = Object.freeze({ exists: false });
