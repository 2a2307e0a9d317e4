import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FerryError, FerryErrors } from '../../errors/FerryError.js';
import type { FileChange } from '../../report/types.js';
import { checkFileChange } from './rollbackShape.js';

/** One task of the run, on one host, with the files it changed in the order it changed them. */
export interface RecordedTask {
  /** Same on every host for the same task of the run: play, name, module and how many times it ran before there. */
  key: string;
  name: string;
  module: string;
  files: FileChange[];
  /** The task (or one of its loop items) changed something and recorded no file for it. */
  unrecorded: boolean;
  /** The change summaries the report kept (none under no_log). */
  changes: string[];
}

/** What a rollback needs of a run's JSON report. */
export interface RecordedRun {
  file: string;
  runId?: string;
  inventory?: string;
  check: boolean;
  hosts: Map<string, RecordedTask[]>;
  /** Files a `delegate_to` task changed on the controller: not the host's, so not restored there. */
  delegated: Array<{ host: string; path: string; task: string; module: string }>;
}

type Json = Record<string, unknown>;

// Reads a `--report` file and checks every file record in it before any host is contacted; all problems at once.
export async function readRecordedRun(file: string): Promise<RecordedRun> {
  const json = parseJson(file, await readText(file));
  const problems: FerryError[] = [];
  const bad = (at: string, why: string) =>
    problems.push(new FerryError('SCHEMA', `${at}: ${why}`, { file }, 'pass the JSON report a `ferry run --report` wrote, unedited'));
  if (!isObject(json) || !isObject(json.hosts)) {
    bad('the report', 'has no `hosts` mapping: it is not a ferry run report');
    throw new FerryErrors(problems);
  }
  const hosts = new Map<string, RecordedTask[]>();
  const delegated: RecordedRun['delegated'] = [];
  for (const [host, entry] of Object.entries(json.hosts)) {
    const tasks = isObject(entry) && Array.isArray(entry.tasks) ? entry.tasks : undefined;
    if (!tasks) {
      bad(`hosts.${host}`, 'has no `tasks` list');
      continue;
    }
    const recorded = recordedTasks(tasks, `hosts.${host}.tasks`, bad);
    recorded.forEach((t, i) => {
      if (!isObject(tasks[i]) || tasks[i].delegatedTo === undefined) return;
      delegated.push(...t.files.map((f) => ({ host, path: f.path, task: t.name, module: t.module })));
      t.files = [];
    });
    hosts.set(host, recorded);
  }
  if (problems.length) throw new FerryErrors(problems);
  return {
    file: resolve(file),
    runId: typeof json.runId === 'string' ? json.runId : undefined,
    inventory: typeof json.inventory === 'string' ? json.inventory : undefined,
    check: json.check === true,
    hosts,
    delegated,
  };
}

function recordedTasks(tasks: unknown[], at: string, bad: (at: string, why: string) => void): RecordedTask[] {
  const seen = new Map<string, number>();
  return tasks.map((t, i) => {
    const task: Json = isObject(t) ? t : {};
    const name = typeof task.name === 'string' ? task.name : '';
    const base = [task.play, name, task.module].map((v) => String(v ?? '')).join('\u0000');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const lists: Array<[string, unknown]> = [[`${at}[${i}].files`, task.files]];
    if (Array.isArray(task.items)) task.items.forEach((item, j) => lists.push([`${at}[${i}].items[${j}].files`, isObject(item) ? item.files : undefined]));
    const files = lists.flatMap(([where, list]) => checkedList(list, where, bad));
    const parts: Json[] = Array.isArray(task.items) ? task.items.filter(isObject) : [task];
    const unrecorded = parts.some((r) => r.status === 'changed' && !(Array.isArray(r.files) && r.files.length > 0));
    const changes = [task, ...parts].flatMap((r) => (Array.isArray(r.changes) ? r.changes.filter((c): c is string => typeof c === 'string') : []));
    const module = typeof task.module === 'string' ? task.module : 'task';
    return { key: `${base}\u0000${n}`, name: name || module, module, files, unrecorded, changes: [...new Set(changes)] };
  });
}

function checkedList(list: unknown, at: string, bad: (at: string, why: string) => void): FileChange[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    bad(at, 'must be a list');
    return [];
  }
  return list.flatMap((f, i) => {
    const why = checkFileChange(f);
    if (why) bad(`${at}[${i}]`, why);
    return why ? [] : [f as FileChange];
  });
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FerryError('FILE_NOT_FOUND', 'no such report', { file }, 'give the file `ferry run --report FILE` wrote');
    throw new FerryError('USAGE', `cannot read the report (${code ?? String(err)})`, { file }, 'check its path and permissions');
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new FerryError('SCHEMA', `the report is not JSON: ${(err as Error).message}`, { file }, 'give the file `ferry run --report FILE` wrote');
  }
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
