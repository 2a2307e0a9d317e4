// Marks data that must never be rendered as a template (secrets, command output): `{{` inside it stays text.
export class Literal {
  constructor(readonly value: unknown) {}
}

/** Wraps a value so a Scope or renderValue hands it back verbatim, like Ansible's `!unsafe`. */
export function literal(value: unknown): Literal {
  return new Literal(value);
}

/** Wraps every value of a variable layer: for secrets and registered results, whose text is data, not template. */
export function literalVars(vars: Record<string, unknown>): Record<string, Literal> {
  return Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, new Literal(value)]));
}
