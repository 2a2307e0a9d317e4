/** JSON Schema fragments shared by the play and task schemas. `expects` phrases the type error for users. */
export type Schema = Record<string, unknown>;

/** A value holding `{{`: its type is only known once the engine renders it. */
export const TEMPLATE_PATTERN = '\\{\\{';

// Ansible users write `when: "{{ flag }}"` anywhere a boolean goes: a templated string must pass, a bare word must not.
export const boolOrTemplate: Schema = {
  type: ['boolean', 'string'],
  pattern: TEMPLATE_PATTERN,
  expects: 'true or false, or a "{{ template }}"',
};

/** A play-level switch: the loaded play holds a plain boolean, so a template belongs on a block or task instead. */
export const literalBool: Schema = { type: 'boolean', expects: 'true or false' };

/** `when`, `changed_when`, `failed_when`: an expression, a literal, or a list of them (all must hold). */
export const condition: Schema = {
  type: ['string', 'boolean', 'array'],
  items: { type: ['string', 'boolean'] },
  expects: 'a condition: an expression, true/false, or a list of them',
};

/** `tags`, `notify`, `listen`: one name or a list of names. */
export const nameOrList: Schema = {
  type: ['string', 'array'],
  items: { type: 'string' },
  expects: 'a name or a list of names',
};

/** A variable name as templates can refer to it. */
export const identifier: Schema = {
  type: 'string',
  pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
  expects: 'a variable name (letters, digits and _, not starting with a digit)',
};

/** `vars:` blocks; an empty `vars:` is null and means none. */
export const varsMap: Schema = { type: ['object', 'null'], expects: 'a mapping of variable names to values' };

/** Lists of steps; an empty `tasks:` is null and means none. */
export const stepList: Schema = { type: ['array', 'null'], expects: 'a list of tasks' };

/** A count, a percentage ("30%") or a template: serial's batch sizes. */
export const countOrPercent: Schema = {
  type: ['integer', 'string'],
  minimum: 1,
  pattern: `^\\s*\\d+(\\.\\d+)?\\s*%?\\s*$|${TEMPLATE_PATTERN}`,
  expects: 'a host count, a percentage such as "30%", or a "{{ template }}"',
};
