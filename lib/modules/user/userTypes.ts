/** user's arguments, as the schema admits them (Ansible's names and defaults). */
export interface UserArgs {
  name: string;
  state?: 'present' | 'absent';
  uid?: number;
  /** Primary group. */
  group?: string;
  /** Supplementary groups: the full set, unless append is true. */
  groups?: string[];
  append?: boolean;
  shell?: string;
  home?: string;
  create_home?: boolean;
  system?: boolean;
  comment?: string;
  /** With state absent: remove the home directory and mail spool too. */
  remove?: boolean;
}

/** The account as the host knows it (getent passwd, id -Gn), and which of the asked groups exist. */
export interface UserFacts {
  exists: boolean;
  uid?: number;
  gid?: number;
  /** Name of the primary group. */
  group?: string;
  /** Every group the account is in, primary included (id -Gn). */
  groups?: string[];
  comment?: string;
  home?: string;
  shell?: string;
  /** The asked groups (group and groups) that exist on the host. */
  knownGroups: string[];
  /** The probe ran as root, so useradd and friends can work (false when it could not tell). */
  root?: boolean;
}

/** What apply runs: one useradd, usermod or userdel. */
export interface UserData {
  argv: string[];
}

/** The account-name rule of useradd on Debian, also what keeps a name free of shell syntax. */
export const ACCOUNT_NAME = '^[a-z_][a-z0-9_-]*[$]?$';
