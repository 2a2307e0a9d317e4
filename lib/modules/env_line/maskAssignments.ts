import { fingerprint } from '../../secrets/Redactor.js';
import { findAssignments } from './findAssignments.js';

// A diff of an env file shows the lines but no value of any key: every assignment's value becomes its fingerprint.
export function maskAssignments(text: string): string {
  let out = '';
  let pos = 0;
  for (const a of findAssignments(text)) {
    out += text.slice(pos, a.valueStart) + fingerprint(a.literal ?? a.word);
    pos = a.valueEnd;
  }
  return out + text.slice(pos);
}
