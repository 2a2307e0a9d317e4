import type { AdminCredentialArgs } from '../gitea_common/giteaArgs.js';

/** token_audit's arguments: which token (by what Gitea shows of it, or a fingerprint), and where to look. Empty means not given. */
export interface TokenAuditArgs extends AdminCredentialArgs {
  /** The last eight characters Gitea lists for the token (one, or several tokens at once). */
  last_eight?: string | string[];
  /** Hex SHA-256 of the token itself: compared on the host, for a token Gitea no longer lists. */
  sha256?: string;
  /** A Gitea login whose tokens to look for (their last eights read from Gitea on the controller). */
  owner?: string;
  /** With owner: only the token of this name. */
  token_name?: string;
  gitea_url?: string;
  /** Directories and files searched (globs allowed, e.g. /home/*). */
  paths?: string[];
  /** Directories of crontab files whose entries may read a file holding the token. */
  cron_dirs?: string[];
  /** Seconds the search may take on a host. */
  timeout?: number;
}

/** One line of one file holding the token. */
export interface Finding {
  host: string;
  path: string;
  line: number;
  last_eight: string;
  /** `host:path:line`, as the report prints it. */
  where: string;
}

/** A cron entry that reads a file holding the token, directly or through the script it runs. */
export interface CronReader {
  host: string;
  /** The crontab file and the 1-based line of the entry. */
  cron_file: string;
  line: number;
  /** The script the entry runs that names the file, when it does not name the file itself. */
  via?: string;
  /** The file (or a symlink to it) that is read. */
  reads: string;
}

/** Everything one host's audit found; the registered result of the task. Never a token, only last eights. */
export interface AuditFacts {
  host: string;
  /** The tokens searched for, by last eight (in sha256 mode: the one found, if any). */
  last_eights: string[];
  mode: 'last_eight' | 'sha256';
  findings: Finding[];
  readers: CronReader[];
  /** Paths under the searched ones that could not be read: the audit is incomplete while there are any. */
  unreadable: string[];
  /** The searched paths that exist on the host. */
  searched: string[];
  complete: boolean;
}

/** How a host is to be searched, once the token is known. */
export type AuditTarget = { mode: 'last_eight'; lastEights: string[] } | { mode: 'sha256'; sha256: string };
