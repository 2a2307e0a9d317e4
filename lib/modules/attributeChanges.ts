import type { Change } from './defineModule.js';
import { formatMode, resolveMode, type ModeSpec } from './parseMode.js';
import type { PathStat } from './PathStat.js';

/** Mode, owner and group a task asks for; each one is left alone when absent. */
export interface WantedAttributes {
  mode?: ModeSpec;
  owner?: string;
  group?: string;
}

/** What must change on an existing path to match the wanted attributes. */
export interface AttributeFix {
  changes: Change[];
  /** Final mode to set, when it differs. */
  chmod?: number;
  /** Owner and/or group to set, when they differ. */
  chown?: { owner?: string; group?: string };
}

/** A name matches by name, a number by id: `owner: '0'` and `owner: root` both mean root. */
export function sameAccount(wanted: string, name: string | undefined, id: number | undefined): boolean {
  return /^\d+$/.test(wanted) ? Number(wanted) === id : wanted === name;
}

// file and copy name an attribute change the same way: "mode 0644 → 0640", "owner root → ferryops".
export function attributeChanges(stat: PathStat, want: WantedAttributes): AttributeFix {
  const fix: AttributeFix = { changes: [] };
  const current = stat.mode ?? 0;
  if (want.mode) {
    const target = resolveMode(want.mode, current, stat.type === 'directory');
    if (target !== (current & 0o7777)) {
      fix.chmod = target;
      fix.changes.push({ summary: `mode ${formatMode(current)} → ${formatMode(target)}` });
    }
  }
  const chown: { owner?: string; group?: string } = {};
  if (want.owner !== undefined && !sameAccount(want.owner, stat.owner, stat.uid)) {
    chown.owner = want.owner;
    fix.changes.push({ summary: `owner ${stat.owner ?? stat.uid} → ${want.owner}` });
  }
  if (want.group !== undefined && !sameAccount(want.group, stat.group, stat.gid)) {
    chown.group = want.group;
    fix.changes.push({ summary: `group ${stat.group ?? stat.gid} → ${want.group}` });
  }
  if (chown.owner !== undefined || chown.group !== undefined) fix.chown = chown;
  return fix;
}

/** "mode 0640, owner app, group app" for the summary of a path about to be created. */
export function describeNew(mode: number, owner?: string, group?: string): string {
  return [`mode ${formatMode(mode)}`, owner !== undefined && `owner ${owner}`, group !== undefined && `group ${group}`]
    .filter(Boolean)
    .join(', ');
}
