import safeRegex from 'safe-regex2';
import { MAX_REGEX_SUBJECT, MAX_TEXT } from '../limits.js';
import { fail } from '../TemplateFault.js';

/** Options shared by the regex filters and tests. */
export interface RegexOptions {
  ignorecase?: boolean;
  multiline?: boolean;
  global?: boolean;
  /** Anchors the match at the start of the subject (Python's re.match). */
  sticky?: boolean;
  /** The whole subject must match (Python's re.fullmatch). */
  full?: boolean;
}

// Compiles a pattern written for Python's `re` (as Ansible playbooks are) into a JS RegExp: named groups
// `(?P<n>…)` and `(?P=n)`, leading inline flags `(?im)`. Anything else is read with JS RegExp syntax.
export function compileRegex(pattern: string, who: string, options: RegexOptions = {}): RegExp {
  let flags = (options.global ? 'g' : '') + (options.sticky ? 'y' : '') + (options.ignorecase ? 'i' : '') + (options.multiline ? 'm' : '');
  let source = pattern.replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  const inline = /^\(\?([aimsux]+)\)/.exec(source);
  if (inline) {
    for (const f of inline[1]) if ('ims'.includes(f) && !flags.includes(f)) flags += f;
    source = source.slice(inline[0].length);
  }
  if (options.full) source = `(?:${source})$`;
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch {
    return fail(`${who} was given an invalid regular expression '${pattern}'`);
  }
  // A nested quantifier such as (a+)+ can backtrack for hours on a short subject: refused before it runs.
  if (!safeRegex(re)) {
    return fail(`${who} refuses the regular expression '${pattern}': its nested repetition can take exponential time`, 'rewrite it without a quantifier inside a repeated group');
  }
  return re;
}

/** Refuses subjects over MAX_REGEX_SUBJECT: a backtracking pattern on a huge input could stall the run. */
export function checkSubject(subject: string, who: string): string {
  if (subject.length > MAX_REGEX_SUBJECT) {
    fail(`${who} refuses to scan ${subject.length} characters (the limit is ${MAX_REGEX_SUBJECT})`, 'cut the text down first');
  }
  return subject;
}

/** A group reference from Python's replacement syntax: `\1`, `\g<1>`, `\g<name>`. */
function group(match: RegExpExecArray, ref: string): string {
  const value = /^\d+$/.test(ref) ? match[Number(ref)] : match.groups?.[ref];
  return value ?? '';
}

const CONTROL = new Map([['n', '\n'], ['t', '\t'], ['r', '\r'], ['\\', '\\']]);

// Expands a Python replacement string (`\1`, `\g<name>`, `\n`, `\\`) for one match; `$` is literal, as in Python.
export function expandReplacement(template: string, match: RegExpExecArray): string {
  return template.replace(/\\(?:g<(\w+)>|(\d{1,2})|(.))/gs, (whole, named: string, num: string, other: string) => {
    if (named !== undefined) return group(match, named);
    if (num !== undefined) return group(match, num);
    return CONTROL.get(other) ?? whole;
  });
}

/** Replaces up to `count` matches (0 for all) of a global regex, building the text once. */
export function substitute(subject: string, re: RegExp, render: (m: RegExpExecArray) => string, count: number): string {
  let out = '';
  let last = 0;
  let n = 0;
  re.lastIndex = 0;
  for (let m = re.exec(subject); m; m = re.exec(subject)) {
    out += subject.slice(last, m.index) + render(m);
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
    if (out.length > MAX_TEXT) fail(`the result would exceed ${MAX_TEXT} characters`);
    if (count > 0 && ++n >= count) break;
  }
  return out + subject.slice(last);
}
