/** Longest string a regex filter or test scans: JS RegExp can backtrack badly, so ferry bounds its input. */
export const MAX_REGEX_SUBJECT = 1024 * 1024;

/** Deepest nesting of one expression (parentheses, operators, brackets): parsing stays well inside the stack. */
export const MAX_EXPRESSION_DEPTH = 64;

/** Longest chain of variables whose values refer to other variables before ferry calls it runaway. */
export const MAX_VARIABLE_DEPTH = 64;

/** Deepest data structure rendered: deeper means a self-referencing structure, not a playbook. */
export const MAX_DATA_DEPTH = 128;

/** Largest string an operator or filter may build (`'x' * n`, replacements), so a typo cannot exhaust memory. */
export const MAX_TEXT = 16 * 1024 * 1024;
