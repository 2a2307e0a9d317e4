import { FerryError, FerryErrors } from '../../errors/FerryError.js';
import { selectHosts } from '../../inventory/index.js';
import type { Inventory } from '../../inventory/types.js';
import type { Problems } from '../../playbook/Problems.js';
import type { PlayDef, Playbook } from '../../playbook/types.js';
import { Redactor } from '../../secrets/Redactor.js';
import { resolveSecrets } from '../../secrets/resolveSecrets.js';
import { referencedNames, type Scope } from '../../template/index.js';
import { HostState } from '../HostState.js';
import { varsFilesOf, type PlayVars } from '../PlayVars.js';
import { scopeFor } from '../scopeFor.js';
import { hasTemplatedVarsFiles, templatedVarsFiles } from '../templatedVarsFiles.js';
import { MAGIC_NAMES } from './magicNames.js';
import type { PlayLayers, Vars } from './PlayLayers.js';

/** What every play of a run shares for the check. */
export interface PreflightInputs {
  playbook: Playbook;
  inventory: Inventory;
  extraVars: Vars;
  /** Names registered or set_fact'ed anywhere in the playbook. */
  facts: ReadonlySet<string>;
  env: NodeJS.ProcessEnv;
}

// The names one play's tasks can count on, gathered the way runPlay will: its hosts' inventory vars, its vars,
// its vars_files (templated paths rendered for each host, so a missing one is found now), its secrets (which must be there).
export function playLayersOf(play: PlayDef, run: PreflightInputs, problems: Problems): PlayLayers {
  const hosts = selectHosts(run.inventory, play.hosts);
  collect(problems, () => {
    resolveSecrets(play.secrets ?? {}, { baseDir: run.playbook.dir, env: run.env, redactor: new Redactor(), pos: play.pos });
  });
  const playVars: PlayVars = { play, vars: play.vars, varsFiles: varsFilesOf(play), secrets: {}, hosts };
  const varsFiles: Vars[] = [playVars.varsFiles];
  // A vars file named by a fact (set_fact or register in an earlier play) is known only once the run gets there.
  let missing = play.vars_files.some((e) => e.includes('{{') && referencedNames(e).some((n) => run.facts.has(n)));
  if (hasTemplatedVarsFiles(play) && !missing) {
    const scopeOf = (name: string): Scope =>
      scopeFor({ inventory: run.inventory, state: new HostState(name), play: playVars, taskVars: [], extraVars: run.extraVars, check: false, hostScope: scopeOf });
    for (const name of hosts) missing ||= !collect(problems, () => varsFiles.push(templatedVarsFiles(play, scopeOf(name))));
  }
  return {
    opaque: new Set([...MAGIC_NAMES, ...run.facts, ...Object.keys(play.secrets ?? {})]),
    extraVars: run.extraVars,
    varsFiles: varsFiles.reverse(),
    playVars: play.vars,
    inventory: hosts.map((h) => run.inventory.hosts.get(h)?.vars ?? {}),
    lenient: hosts.length === 0 || missing,
  };
}

/** Runs a step that may throw user problems and records them instead; false when it did. */
function collect(problems: Problems, fn: () => void): boolean {
  try {
    fn();
    return true;
  } catch (err) {
    const list = err instanceof FerryErrors ? err.problems : err instanceof FerryError ? [err] : undefined;
    if (!list) throw err;
    for (const p of list) problems.add(p.code, p.message, posOf(p), p.hint);
    return false;
  }
}

function posOf(p: FerryError): { file: string; line: number; col: number } | undefined {
  const { file, line, col } = p.where;
  return file === undefined ? undefined : { file, line: line ?? 1, col: col ?? 1 };
}
