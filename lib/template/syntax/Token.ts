/** What a token is; keywords (and, not, true …) are names the parser recognises. */
export type TokenKind = 'name' | 'number' | 'string' | 'op' | 'end';

// One lexical unit of an expression; `at` is its index in the whole template string, for error columns.
export interface Token {
  kind: TokenKind;
  /** Name or operator text, the decoded string, or the number. */
  value: string | number;
  at: number;
}
