import { FerryError } from '../../errors/FerryError.js';

/** One slice of the inventory: the `index`-th (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

const HINT = 'write --shard K/N with whole numbers, 1 <= K <= N, e.g. --shard 2/4';

// `--shard K/N` as a CI job matrix writes it (K is 1-based, as matrix indexes usually are shown).
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new FerryError('USAGE', `--shard '${text}' is not K/N`, {}, HINT);
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1 || index < 1 || index > count) throw new FerryError('USAGE', `--shard ${index}/${count} names no slice`, {}, HINT);
  return { index, count };
}
