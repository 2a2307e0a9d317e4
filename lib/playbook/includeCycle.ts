import path from 'node:path';
import type { LoadContext } from './LoadContext.js';
import type { Pos } from './types.js';

// An include that leads back to a file still being loaded would never end: this reports the whole chain instead.
export function includeCycle(ctx: LoadContext, file: string, from: Pos): boolean {
  const target = path.resolve(file);
  const start = ctx.chain.findIndex((f) => path.resolve(f) === target);
  if (start < 0) return false;
  const chain = [...ctx.chain.slice(start), file].join(' → ');
  ctx.problems.add('INCLUDE_CYCLE', `include cycle: ${chain}`, from, 'remove one include of this chain');
  return true;
}
