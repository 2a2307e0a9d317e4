import { MAX_EXPRESSION_DEPTH } from '../limits.js';
import type { TemplateFault } from '../TemplateFault.js';
import { syntaxError } from './syntaxError.js';
import type { Token } from './Token.js';

/** Words with a meaning of their own: never variable names. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'not', 'in', 'is', 'if', 'else', 'true', 'false', 'True', 'False', 'none', 'None', 'null',
]);

// Reading position over the tokens of one expression, with the checks every grammar rule needs.
export class TokenCursor {
  private index = 0;
  private depth = 0;

  constructor(
    readonly source: string,
    private readonly tokens: Token[],
  ) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  atOp(op: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'op' && t.value === op;
  }

  atWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'name' && t.value === word;
  }

  atEnd(): boolean {
    return this.peek().kind === 'end';
  }

  /** Consumes `op` or fails naming what was expected. */
  expectOp(op: string): Token {
    if (!this.atOp(op)) throw this.unexpected(`expected '${op}'`);
    return this.next();
  }

  /** Consumes a name token (a filter, test, attribute or keyword argument). */
  expectName(what: string): Token & { value: string } {
    const t = this.peek();
    if (t.kind !== 'name') throw this.unexpected(`expected ${what}`);
    this.next();
    return t as Token & { value: string };
  }

  /** Guards recursion: every rule that can nest calls this first and `leave` after. */
  enter(): void {
    if (++this.depth > MAX_EXPRESSION_DEPTH) {
      throw syntaxError(this.source, this.peek().at, `expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`, 'split it into variables');
    }
  }

  leave(): void {
    this.depth--;
  }

  /** A syntax error at the current token. */
  unexpected(expected?: string, hint?: string): TemplateFault {
    const t = this.peek();
    const found = t.kind === 'end' ? 'end of expression' : t.kind === 'string' ? 'string' : `'${String(t.value)}'`;
    return syntaxError(this.source, t.at, expected ? `${expected}, found ${found}` : `unexpected ${found}`, hint);
  }

  errorAt(token: Token, what: string, hint?: string): TemplateFault {
    return syntaxError(this.source, token.at, what, hint);
  }
}
