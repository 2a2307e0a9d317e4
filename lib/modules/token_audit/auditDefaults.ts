/** Where tokens get baked in on an operator host: config, installed tools, home directories, crontabs, systemd units. */
export const DEFAULT_AUDIT_PATHS: readonly string[] = [
  '/etc',
  '/opt',
  '/root',
  '/home/*',
  '/var/spool/cron',
  '/usr/local/lib/systemd',
  '/usr/lib/systemd/system',
  '/run/systemd/system',
];

/** Where cron reads jobs from: system cron.d files and the users' crontabs. */
export const DEFAULT_CRON_DIRS: readonly string[] = ['/etc/cron.d', '/var/spool/cron/crontabs'];

/** A search of /etc, /opt and the homes takes seconds; a host with a huge /opt gets this long. */
export const DEFAULT_AUDIT_TIMEOUT = 600;

/** Unreadable paths listed in a result; the count is still exact. */
export const UNREADABLE_SHOWN = 20;
