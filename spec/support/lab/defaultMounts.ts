// The paths each lab host owns privately: everything a ferry playbook may write, so hosts never see each other's files.
export const DEFAULT_MOUNTS: readonly string[] = [
  '/etc/ferry-app',
  '/etc/molecule-bootstrap',
  '/etc/cron.d',
  '/opt',
  '/var/log',
  '/root',
  '/home/ferryops',
  '/tmp',
  '/srv',
  // ferry's own backup store (/var/backups/ferry): every host keeps its own.
  '/var/backups',
];

/** The non-root login user that ensure-system.sh creates with passwordless sudo. */
export const LAB_USER = 'ferryops';

/** Port every lab sshd listens on (each host has its own address). */
export const LAB_PORT = 2222;
