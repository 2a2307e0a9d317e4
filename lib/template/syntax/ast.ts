/** Arithmetic and text operators. */
export type BinaryOp = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '~';

/** Comparison operators, chainable as in Python (`a < b < c`). */
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in';

// The parsed form of an expression: plain data the evaluator walks; nothing in it can run code.
export type Node =
  | { type: 'literal'; value: string | number | boolean | null }
  | { type: 'name'; name: string }
  | { type: 'list'; items: Node[] }
  | { type: 'dict'; entries: Array<[Node, Node]> }
  | { type: 'get'; target: Node; key: Node; dotted: boolean }
  | { type: 'slice'; target: Node; start?: Node; stop?: Node; step?: Node }
  | { type: 'unary'; op: '-' | '+' | 'not'; operand: Node }
  | { type: 'binary'; op: BinaryOp; left: Node; right: Node }
  | { type: 'logic'; op: 'and' | 'or'; left: Node; right: Node }
  | { type: 'compare'; first: Node; rest: Array<[CompareOp, Node]> }
  | { type: 'filter'; name: string; target: Node; args: Node[]; kwargs: Array<[string, Node]> }
  | { type: 'test'; name: string; negated: boolean; target: Node; args: Node[]; kwargs: Array<[string, Node]> }
  | { type: 'cond'; test: Node; then: Node; else?: Node };

/** A node of one given type. */
export type NodeOf<T extends Node['type']> = Extract<Node, { type: T }>;
