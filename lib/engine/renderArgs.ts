import type { ModuleDef } from '../modules/defineModule.js';
import type { Pos } from '../playbook/types.js';
import { evaluate, renderValue, type Scope } from '../template/index.js';

/** An argument the engine evaluated as a bare expression: the text, for messages, and its value. */
export interface Evaluated {
  expr: string;
  value: unknown;
}

// Renders a task's arguments in a host's scope; arguments the module marks `evaluate` become {expr, value} pairs.
export function renderArgs(
  module: ModuleDef,
  args: Record<string, unknown>,
  scope: Scope,
  argPos: Record<string, Pos>,
  taskPos: Pos,
): Record<string, unknown> {
  const rendered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    const pos = argPos[key] ?? taskPos;
    rendered[key] = module.evaluate?.includes(key) ? evaluateArg(value, scope, pos) : renderValue(value, scope, pos);
  }
  return rendered;
}

function evaluateArg(value: unknown, scope: Scope, pos: Pos): Evaluated | Evaluated[] {
  if (Array.isArray(value)) return value.map((v) => evaluateOne(v, scope, pos));
  return evaluateOne(value, scope, pos);
}

function evaluateOne(value: unknown, scope: Scope, pos: Pos): Evaluated {
  if (typeof value !== 'string') return { expr: JSON.stringify(value), value };
  const text = value.trim();
  const templated = text.startsWith('{{') && text.endsWith('}}');
  return { expr: text, value: templated ? renderValue(text, scope, pos) : evaluate(text, scope, pos) };
}
