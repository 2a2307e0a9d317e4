import { resolve } from 'node:path';
import { loadInventory } from '../../inventory/index.js';
import type { ModuleDef } from '../../modules/defineModule.js';
import { loadPlaybook } from '../../playbook/index.js';
import { taskNames } from '../startAtTask.js';

/** Options whose value is a path: the shell completes file names there. */
const FILE_OPTIONS = new Set(['-i', '--inventory', '--report', '--known-hosts', '--private-key', '--retry-file', '-e', '--extra-vars']);
/** Other options that take a value ferry cannot guess. */
const VALUE_OPTIONS = new Set(['-f', '--forks', '-t', '--tags', '--skip-tags', '-u', '--user', '-T', '--timeout', '--host']);
/** Commands whose first positional is a playbook file. */
const PLAYBOOK_COMMANDS = new Set(['run', 'validate']);

/** What the completer may look at besides the words. */
export interface CompletionContext {
  modules: ReadonlyMap<string, ModuleDef>;
  /** zsh shows `word:description`; bash wants bare words. */
  zsh: boolean;
}

/** The value after an option among the words, e.g. the inventory given with -i. */
function valueOf(words: readonly string[], names: readonly string[]): string | undefined {
  const at = words.findIndex((w) => names.includes(w));
  return at >= 0 ? words[at + 1] : undefined;
}

/** Positional words after the command (option values left out), the one being typed excluded. */
function positionals(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 2; i < words.length - 1; i++) {
    const prev = words[i - 1];
    if (words[i].startsWith('-') || FILE_OPTIONS.has(prev) || VALUE_OPTIONS.has(prev) || prev === '-l' || prev === '--limit' || prev === '--start-at-task') continue;
    out.push(words[i]);
  }
  return out;
}

async function quietly<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await fn();
  } catch {
    return fallback;
  }
}

/** Groups and hosts of the inventory named with -i, for --limit. */
async function limitWords(words: readonly string[]): Promise<string[]> {
  const file = valueOf(words, ['-i', '--inventory']);
  if (!file) return [];
  return quietly(async () => {
    const inv = await loadInventory(resolve(file));
    return [...inv.groups.keys(), ...inv.hosts.keys()];
  }, []);
}

/** Task names of the playbook being run, for --start-at-task. */
async function taskWords(words: readonly string[], modules: ReadonlyMap<string, ModuleDef>): Promise<string[]> {
  const file = positionals(words)[0];
  if (!file) return [];
  return quietly(async () => taskNames(await loadPlaybook(resolve(file), { modules })), []);
}

// Shell completion that knows ferry: module names after `doc`, hosts and groups after --limit, task names after
// --start-at-task, file names (left to the shell) where a path goes, yargs' own commands and options elsewhere.
export async function completeWords(words: readonly string[], ctx: CompletionContext, fallback: () => Promise<string[]>): Promise<string[]> {
  const current = words.at(-1) ?? '';
  const known = (list: string[]) => list.filter((w) => w.startsWith(current));
  // yargs offers a one-letter alias typed after `--` as `--i`: no such option exists.
  const yargsWords = async () => (await fallback()).filter((w) => !/^--[^-](:|$)/.test(w));
  const prev = words.at(-2) ?? '';
  const command = words[1];
  const described = (pairs: Array<[string, string]>) => pairs.map(([w, d]) => (ctx.zsh ? `${w.replace(/:/g, '\\:')}:${d}` : w));
  const bare = (list: string[]) => described(list.map((w) => [w, ''])).map((w) => (ctx.zsh ? w.replace(/:$/, '') : w));
  if (words.length <= 2) return yargsWords();
  if (FILE_OPTIONS.has(prev)) return [];
  if (VALUE_OPTIONS.has(prev)) return [];
  if (prev === '-l' || prev === '--limit') return bare(known(await limitWords(words)));
  if (prev === '--start-at-task') return bare(known(await taskWords(words, ctx.modules)));
  if (current.startsWith('-')) return yargsWords();
  if (command === 'doc' && positionals(words).length === 0) return described([...ctx.modules.values()].filter((m) => m.name.startsWith(current)).map((m) => [m.name, m.summary]));
  if (command === 'completion' && positionals(words).length === 0) return known(['bash', 'zsh']);
  if (PLAYBOOK_COMMANDS.has(command ?? '') && positionals(words).length === 0) return [];
  return yargsWords();
}
