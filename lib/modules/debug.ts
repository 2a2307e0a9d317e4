import { defineModule } from './defineModule.js';

/** A bare expression the engine evaluated (modules listed in `evaluate`): its text and its value. */
interface Evaluated {
  expr: string;
  value: unknown;
}

/** debug's arguments: msg or var, never both. */
export interface DebugArgs {
  msg?: unknown;
  /** A variable name (expression); the engine evaluates it into `{ expr, value }` before plan. */
  var?: string | Evaluated;
  /** Shown only at this -v level or above; the engine filters on it. */
  verbosity?: number;
  /** Internal: a caller that does not evaluate `var` may put the variable's value here instead. */
  value?: unknown;
}

const UNDEFINED = 'VARIABLE IS NOT DEFINED!';

// Prints a message or a variable while a play runs; never touches a host, so it is the same in check mode.
export const debug = defineModule<DebugArgs, Record<string, never>, undefined>({
  name: 'debug',
  summary: 'Print a message or the value of a variable',
  args: {
    type: 'object',
    additionalProperties: false,
    properties: {
      msg: { description: 'The message; anything that is not a string is shown as JSON. Default "Hello world!".' },
      var: { type: 'string', minLength: 1, description: 'A variable name (or expression) whose value is shown; not with msg.' },
      verbosity: { type: 'integer', minimum: 0, default: 0, description: 'Show only when run with at least this many -v.' },
      value: { description: 'Internal, set by the engine: the value of var. Not for playbooks.' },
    },
    // msg and var exclude each other, as in Ansible.
    not: { required: ['msg', 'var'], properties: { msg: true, var: true } },
  },
  local: true,
  prints: true,
  evaluate: ['var'],
  example: `- name: Show what the token check found
  debug:
    var: token_check.stdout_lines`,

  probe: async () => ({}),

  plan(_facts, args) {
    if (args.var !== undefined) {
      const { expr, value, defined } = variableOf(args);
      const shown = defined ? JSON.stringify(value) ?? String(value) : UNDEFINED;
      return { changes: [], msg: `${expr}: ${shown}`, result: { [expr]: defined ? value : UNDEFINED } };
    }
    const msg = args.msg === undefined ? 'Hello world!' : typeof args.msg === 'string' ? args.msg : JSON.stringify(args.msg);
    return { changes: [], msg, result: { msg: args.msg ?? msg } };
  },

  apply: async () => ({}),
});

/** `var` as evaluated by the engine, or as a name with its value beside it in `value`. */
function variableOf(args: DebugArgs): { expr: string; value: unknown; defined: boolean } {
  const v = args.var;
  if (v !== null && typeof v === 'object') return { expr: v.expr, value: v.value, defined: v.value !== undefined };
  return { expr: String(v), value: args.value, defined: 'value' in args && args.value !== undefined };
}
