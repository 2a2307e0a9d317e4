import { createInterface } from 'node:readline';

/** Lines typed or piped on a stream, one at a time, on demand. */
export interface LineSource {
  /** The next line, or undefined once the input has ended. */
  next(): Promise<string | undefined>;
  close(): void;
}

// --step reads one answer per question from stdin, whether a person types it or a script pipes it.
export function lineSource(input: NodeJS.ReadableStream): LineSource {
  const rl = createInterface({ input, terminal: false });
  const lines: string[] = [];
  const waiting: Array<(line: string | undefined) => void> = [];
  let ended = false;
  rl.on('line', (line) => {
    const take = waiting.shift();
    if (take) take(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const take of waiting.splice(0)) take(undefined);
  });
  return {
    next: () => {
      if (lines.length > 0) return Promise.resolve(lines.shift());
      if (ended) return Promise.resolve(undefined);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => rl.close(),
  };
}
