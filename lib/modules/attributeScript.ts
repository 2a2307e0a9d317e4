import type { AttributeFix } from './attributeChanges.js';
import { formatMode } from './parseMode.js';
import { shellQuote } from '../transport/shellQuote.js';

// The chmod/chown lines that carry out an AttributeFix on one path, every value quoted.
export function attributeScript(path: string, fix: Pick<AttributeFix, 'chmod' | 'chown'>): string[] {
  const p = shellQuote(path);
  const lines: string[] = [];
  const { owner, group } = fix.chown ?? {};
  if (owner !== undefined) lines.push(`chown -- ${shellQuote(group !== undefined ? `${owner}:${group}` : owner)} ${p}`);
  else if (group !== undefined) lines.push(`chgrp -- ${shellQuote(group)} ${p}`);
  // A leading 0 makes GNU chmod clear a directory's set-id bits too, so the mode is exactly the one planned.
  if (fix.chmod !== undefined) lines.push(`chmod -- 0${formatMode(fix.chmod)} ${p}`);
  return lines;
}
