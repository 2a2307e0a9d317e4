import { FerryError } from '../../errors/FerryError.js';
import { eolOf, findAssignments, type Assignment } from './findAssignments.js';
import { maskAssignments } from './maskAssignments.js';
import { renderValue, wordSatisfies, type QuoteMode } from './renderValue.js';

/** What planEnvFile needs of env_line's arguments. */
export interface EnvEdit {
  key: string;
  value?: string;
  state?: 'present' | 'absent';
  comment?: string;
  quote?: QuoteMode;
}

/** The file after the edit, whether it differs, and both texts with every value masked (for --diff). */
export interface EnvFilePlan {
  text: string;
  changed: boolean;
  maskedBefore: string;
  maskedAfter: string;
  /** How many assignments of the key were replaced, removed and added (for the change summary). */
  counts: { replaced: number; removed: number; added: number; comment: boolean };
}

/** One splice of the original text; splices never overlap. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

// Pure: the first assignment of KEY gets the value (keeping `export `), later ones go, a missing one is appended;
// every other byte of the text stays as it was.
export function planEnvFile(text: string, edit: EnvEdit): EnvFilePlan {
  const mine = findAssignments(text).filter((a) => a.key === edit.key);
  const broken = mine.find((a) => a.broken);
  if (broken) {
    throw new FerryError('MODULE', `line ${broken.line} assigns ${edit.key} a value whose quote never closes`, {}, 'fix the quoting of that line by hand first');
  }
  const eol = eolOf(text);
  const splices: Splice[] = [];
  const counts = { replaced: 0, removed: 0, added: 0, comment: false };
  const commentLine = edit.comment === undefined ? undefined : `# ${edit.comment}`;

  if ((edit.state ?? 'present') === 'absent') {
    mine.forEach((a, i) => {
      const above = i === 0 && commentLine !== undefined ? lineAbove(text, a) : undefined;
      splices.push(removalOf(a, edit.key, above && above.content.trim() === commentLine ? above.start : a.lineStart));
      counts.removed += 1;
    });
  } else {
    const value = edit.value ?? '';
    if (value.includes('\0')) throw new FerryError('MODULE', `the value of ${edit.key} holds a NUL byte`, {}, 'a shell variable cannot hold NUL; remove it');
    const rendered = renderValue(value, edit.quote);
    if (mine.length === 0) {
      const lead = text.length > 0 && !text.endsWith('\n') ? eol : '';
      const lines = [...(commentLine === undefined ? [] : [commentLine]), `${edit.key}=${rendered}`];
      splices.push({ start: text.length, end: text.length, text: lead + lines.map((l) => l + eol).join('') });
      counts.added = 1;
      counts.comment = commentLine !== undefined;
    } else {
      const [first, ...later] = mine;
      if (commentLine !== undefined) {
        const above = lineAbove(text, first);
        if (!above || above.content.trim() !== commentLine) {
          splices.push({ start: first.lineStart, end: first.lineStart, text: `${first.indent}${commentLine}${first.eol || eol}` });
          counts.comment = true;
        }
      }
      if (!wordSatisfies(first.word, first.literal, value, edit.quote)) {
        splices.push({ start: first.valueStart, end: first.valueEnd, text: rendered });
        counts.replaced = 1;
      }
      for (const a of later) {
        splices.push(removalOf(a, edit.key, a.lineStart));
        counts.removed += 1;
      }
    }
  }
  let after = applySplices(text, splices);
  // Removing the last line of a file without a final newline must not leave one behind.
  const removedLastLine = splices.some((s) => s.text === '' && s.end === text.length);
  if (removedLastLine && !text.endsWith('\n')) after = after.replace(/\r?\n$/, '');
  return { text: after, changed: after !== text, maskedBefore: maskAssignments(text), maskedAfter: maskAssignments(after), counts };
}

/** The bytes to drop for one assignment: its whole line, from `from` (its comment included). */
function removalOf(a: Assignment, key: string, from: number): Splice {
  if (!a.alone) {
    throw new FerryError('MODULE', `line ${a.line} assigns ${key} and runs more after it`, {}, `put ${key}= on a line of its own, then run again`);
  }
  return { start: from, end: a.lineEnd, text: '' };
}

/** The line just above an assignment, without its terminator. */
function lineAbove(text: string, a: Assignment): { start: number; content: string } | undefined {
  if (a.lineStart === 0) return undefined;
  const end = a.lineStart - 1;
  const start = text.lastIndexOf('\n', end - 1) + 1;
  return { start, content: text.slice(start, end).replace(/\r$/, '') };
}

function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((x, y) => x.start - y.start || x.end - y.end);
  let out = '';
  let pos = 0;
  for (const s of sorted) {
    out += text.slice(pos, s.start) + s.text;
    pos = Math.max(pos, s.end);
  }
  return out + text.slice(pos);
}
