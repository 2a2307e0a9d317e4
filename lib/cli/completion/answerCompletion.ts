import { builtinModules } from '../../modules/index.js';
import { completeWords } from './completeWords.js';
import { shellOf } from './completionScript.js';

/** yargs' callback shapes for a completion function that may fall back to its default answers. */
type Completed = (err: Error | null, completions: string[] | undefined) => void;
type Completer = (current: string, argv: unknown, byDefault: (onCompleted?: Completed) => unknown, done: (completions: string[]) => void) => void;

// What the completion scripts ask (`ferry --get-yargs-completions WORDS…`): ferry's own answers where it knows better,
// yargs' commands and options elsewhere, one word per line.
export function answerCompletion(argv: readonly string[]): Completer {
  return (current, _parsed, byDefault, done) => {
    const at = argv.indexOf('--get-yargs-completions');
    const words = at >= 0 ? argv.slice(at + 1) : [current];
    const fallback = () => new Promise<string[]>((resolve) => byDefault((_err, list) => resolve(list ?? [])));
    const ctx = { modules: builtinModules, zsh: shellOf(process.env) === 'zsh' };
    completeWords(words, ctx, fallback).then(done, () => done([]));
  };
}
