import { splitCronCommand } from './splitCronCommand.js';

/** One job line of a cron.d file, with the environment cron gives it. */
export interface CronEntry {
  /** The five time fields joined by one space, or the @macro. */
  schedule: string;
  user: string;
  /** What cron hands to `$SHELL -c`: the text before the first unescaped %, `\%` made %. */
  command: string;
  /** What cron feeds the command on stdin: the text after the first unescaped %, each later % a newline. */
  stdin?: string;
  /** The file's assignments above this line, in cron's reading (quotes stripped, nothing expanded). */
  env: Record<string, string>;
  /** 1-based line number in the file. */
  line: number;
}

/** A line cron would reject or skip. */
export interface CronProblem {
  line: number;
  message: string;
}

/** A whole cron.d file as cron understands it, problems included, so a plan can refuse a file cron would half-run. */
export interface CronFile {
  entries: CronEntry[];
  /** Every assignment of the file, in order (the last one of a name wins). */
  env: Record<string, string>;
  problems: CronProblem[];
}

const MACROS = new Set(['@reboot', '@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
/** One time field: a list of `*`, numbers or three-letter names (jan, mon), each maybe a range, maybe with a step. */
const ITEM = '(?:\\*|[0-9]+|[a-z]{3})(?:-(?:[0-9]+|[a-z]{3}))?(?:/[0-9]+)?';
const TIME_FIELD = new RegExp(`^${ITEM}(?:,${ITEM})*$`, 'i');
/** An environment line as cron reads it: a name without blanks, `=`, the rest. */
const ENV_LINE = /^([^\s=]+)[ \t]*=[ \t]*(.*)$/;
const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

// Pure: reads a cron.d file the way cron does (comments, NAME=value lines, five-field or @macro entries with a user).
export function parseCronD(text: string): CronFile {
  const env: Record<string, string> = {};
  const entries: CronEntry[] = [];
  const problems: CronProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const body = raw.replace(/\r$/, '').replace(/^[ \t]+/, '');
    if (body === '' || body.startsWith('#')) return;
    const assign = ENV_LINE.exec(body);
    if (assign) {
      const [, name, value] = assign;
      if (!SHELL_NAME.test(name)) problems.push({ line, message: `${name} is not a variable name a shell can hold` });
      else env[name] = cronValue(value);
      return;
    }
    const entry = parseEntry(body, line, env);
    if (typeof entry === 'string') problems.push({ line, message: entry });
    else entries.push(entry);
  });
  return { entries, env, problems };
}

/** cron strips blanks around an unquoted value and one pair of matching quotes around a quoted one; nothing expands. */
function cronValue(value: string): string {
  const v = value.replace(/[ \t]+$/, '');
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

/** An entry, or why cron would not run the line. */
function parseEntry(body: string, line: number, env: Record<string, string>): CronEntry | string {
  const fields = body.split(/[ \t]+/);
  const macro = fields[0].startsWith('@');
  const timeCount = macro ? 1 : 5;
  if (macro && !MACROS.has(fields[0].toLowerCase())) return `unknown schedule ${fields[0]}`;
  if (!macro && !fields.slice(0, 5).every((f) => TIME_FIELD.test(f))) return 'not a comment, an assignment or a job (five time fields, a user, a command)';
  if (fields.length < timeCount + 2) return 'a job needs a user and a command after its schedule';
  // The command is the rest of the line after the user field, as written.
  const rest = body.replace(new RegExp(`^(?:\\S+[ \\t]+){${timeCount + 1}}`), '');
  const { command, stdin } = splitCronCommand(rest);
  if (command.trim() === '') return 'the job has no command';
  const entry: CronEntry = { schedule: fields.slice(0, timeCount).join(' '), user: fields[timeCount], command, env: { ...env }, line };
  if (stdin !== undefined) entry.stdin = stdin;
  return entry;
}
