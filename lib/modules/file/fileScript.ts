import { shellQuote } from '../../transport/shellQuote.js';
import { attributeScript } from '../attributeScript.js';
import type { FileOp } from './filePlan.js';

// The script of the steps no rollback restores: a times-only touch, and mode/owner of a special file (FIFO, device).
export function fileScript(path: string, op: Extract<FileOp, { op: 'touch' | 'attrs' }>): string {
  const touch = op.op === 'touch' || op.touch ? [`touch -- ${shellQuote(path)}`] : [];
  return ['set -e', ...touch, ...(op.op === 'attrs' ? attributeScript(path, op) : []), ''].join('\n');
}
