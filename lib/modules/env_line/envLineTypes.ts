import type { AttributeArgs } from '../attributeArgs.js';
import type { PathStat } from '../PathStat.js';
import type { QuoteMode } from './renderValue.js';

/** env_line's arguments, as the schema admits them. */
export interface EnvLineArgs extends AttributeArgs {
  path: string;
  key: string;
  value?: string;
  state?: 'present' | 'absent';
  comment?: string;
  backup?: boolean;
  create?: boolean;
  quote?: QuoteMode;
}

/** The env file as the probe found it: its stat with content, its directory, and where a symlink leads. */
export interface EnvFileFacts {
  file: PathStat;
  parent?: PathStat;
  /** readlink -f of the path, when it exists. */
  real?: string;
}

/** What apply does, in order: back up, then write the new bytes (or only fix mode and owner). */
export interface EnvLineData {
  path: string;
  bytes?: Buffer;
  backup?: boolean;
  write?: { mode?: number; owner?: string; group?: string };
  attrs?: { chmod?: number; chown?: { owner?: string; group?: string } };
}
