import type { WantedAttributes } from './attributeChanges.js';
import { parseMode } from './parseMode.js';

/** mode/owner/group as a task gives them (YAML may hand over numbers). */
export interface AttributeArgs {
  mode?: string | number;
  owner?: string | number;
  group?: string | number;
}

/**
 * JSON Schema of mode/owner/group. An integer mode passes the schema on purpose: ATTRIBUTE_CHECKS then rejects it at
 * load time with the hint to quote it, which says more than "must be string".
 */
export const ATTRIBUTE_PROPERTIES = {
  mode: {
    anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer' }],
    description: "Quoted octal ('0640', '640') or symbolic ('u=rw,g=r,o='). An unquoted 0640 is the decimal 640 in YAML and is refused.",
  },
  owner: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer', minimum: 0 }], description: 'User name or uid.' },
  group: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer', minimum: 0 }], description: 'Group name or gid.' },
} as const;

// A mode is refused when the playbook is loaded, before any host is contacted: a number YAML read from an unquoted
// 0640, digits that are not octal, or text that is neither octal nor symbolic (shell included) never reach a plan.
export const ATTRIBUTE_CHECKS: Record<string, (value: unknown) => void> = {
  mode: (value) => void parseMode(value),
};

// Turns the raw mode/owner/group of a task into what the plans compare, refusing a mode YAML read as a number.
export function wantedAttributes(args: AttributeArgs): WantedAttributes {
  return {
    mode: args.mode === undefined ? undefined : parseMode(args.mode),
    owner: args.owner === undefined ? undefined : String(args.owner),
    group: args.group === undefined ? undefined : String(args.group),
  };
}
