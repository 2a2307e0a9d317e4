import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { Pos } from './types.js';

/** One step into loaded YAML data: a mapping key or a sequence index. */
export type PathSeg = string | number;

function startOf(node: unknown): number | undefined {
  return isNode(node) && node.range ? node.range[0] : undefined;
}

/** A value with text behind it (an empty `key:` has a zero-width scalar, which points nowhere useful). */
function hasText(node: unknown): boolean {
  if (!isNode(node) || !node.range) return false;
  return !(isScalar(node) && node.range[0] === node.range[1]);
}

function sameKey(key: unknown, seg: PathSeg): boolean {
  return isScalar(key) && String(key.value) === String(seg);
}

// A parsed YAML file that still knows where each value came from, so every problem can say file:line:col.
export class YamlSource {
  constructor(
    readonly file: string,
    readonly doc: Document,
    private readonly lines: LineCounter,
    /** The file's data as plain JavaScript (undefined until it parsed cleanly). */
    readonly data: unknown,
  ) {}

  /** The 1-based position of a character offset of the file. */
  at(offset: number): Pos {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }

  /**
   * Position of the value at `path` (or of its key when `key` is set, or when the value is empty).
   * A path that leaves the file (a merged key, a value the loader made up) falls back to the nearest ancestor.
   */
  posOf(path: readonly PathSeg[], key = false): Pos {
    let node: unknown = this.doc.contents;
    let best = startOf(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      if (isAlias(node)) node = node.resolve(this.doc);
      let keyNode: unknown;
      let value: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => sameKey(p.key, path[i]));
        if (!pair) break;
        keyNode = pair.key;
        value = pair.value;
      } else if (isSeq(node) && /^\d+$/.test(String(path[i]))) {
        value = node.items[Number(path[i])];
        if (value === undefined) break;
      } else {
        break;
      }
      const last = i === path.length - 1;
      const valueAt = hasText(value) ? startOf(value) : undefined;
      const keyAt = startOf(keyNode);
      best = (last && key ? (keyAt ?? valueAt) : (valueAt ?? keyAt)) ?? best;
      node = value;
    }
    return this.at(best);
  }

  /** Position of the key that holds the value at `path`. */
  keyPosOf(path: readonly PathSeg[]): Pos {
    return this.posOf(path, true);
  }
}
