import { didYouMean } from '../playbook/didYouMean.js';
import { FORBIDDEN_KEYS, hasOwnKey, refuseForbidden } from './data.js';
import { MAX_VARIABLE_DEPTH } from './limits.js';
import { markRendered, renderDeep } from './renderDeep.js';
import { atPos, TemplateFault } from './TemplateFault.js';
import { defined, Undefined } from './Undefined.js';

/** Variables by name, as YAML gives them: values may hold templates. */
export type Vars = Record<string, unknown>;

const NOT_FOUND = Symbol('not found');

/** Renders in progress across every scope: hostvars lets one host's values read another's, so cycles span scopes. */
const active: Array<{ scope: Scope; name: string }> = [];

// The variables one task sees, in layers. A value is rendered the first time it is read, in this scope
// (so a child's override reaches the templates of its parents' values), then kept; cycles are errors.
export class Scope {
  private readonly layers: readonly Vars[];
  private readonly rendered = new Map<string, unknown>();

  /** Layers lowest precedence first: a later layer's name hides an earlier one's. */
  constructor(layers: Vars[]) {
    this.layers = [...layers];
  }

  has(name: string): boolean {
    return this.raw(name) !== NOT_FOUND;
  }

  /** Every name visible in this scope, sorted. */
  names(): string[] {
    const all = new Set<string>();
    for (const layer of this.layers) for (const key of Object.keys(layer)) if (!FORBIDDEN_KEYS.has(key)) all.add(key);
    return [...all].sort();
  }

  /** The rendered value of a variable, or UNDEFINED_VAR naming it (with a did-you-mean). */
  get(name: string): unknown {
    return atPos(undefined, () => defined(this.lookup(name)));
  }

  /** A scope with more variables on top: loop items, task vars, registered results. */
  child(extra: Vars): Scope {
    return new Scope([...this.layers, extra]);
  }

  /** Every variable as an object whose properties render on first read (hostvars views), so unused ones cost nothing. */
  toObject(): Vars {
    const view: Vars = {};
    for (const name of this.names()) {
      Object.defineProperty(view, name, { enumerable: true, get: () => this.get(name) });
    }
    markRendered(view);
    return view;
  }

  /** The evaluator's read: the rendered value, or an Undefined that `default` and `is defined` can test. */
  lookup(name: string): unknown {
    refuseForbidden(name);
    if (this.rendered.has(name)) return this.rendered.get(name);
    const raw = this.raw(name);
    if (raw === NOT_FOUND) {
      return new Undefined(`'${name}' is undefined`, () => didYouMean(name, this.names()) ?? UNDEFINED_HINT);
    }
    const value = this.render(name, raw);
    this.rendered.set(name, value);
    return value;
  }

  private render(name: string, raw: unknown): unknown {
    const start = active.findIndex((a) => a.scope === this && a.name === name);
    if (start >= 0) {
      const cycle = [...active.slice(start).map((a) => a.name), name].join(' -> ');
      throw new TemplateFault('TEMPLATE', `recursive variable: ${cycle}`, 'a value cannot refer to itself, directly or through other variables', false);
    }
    if (active.length >= MAX_VARIABLE_DEPTH) {
      throw new TemplateFault('TEMPLATE', `variables refer to each other more than ${MAX_VARIABLE_DEPTH} levels deep`, undefined, false);
    }
    active.push({ scope: this, name });
    try {
      return renderDeep(raw, this);
    } catch (error) {
      if (error instanceof TemplateFault) error.via.unshift(name);
      throw error;
    } finally {
      active.pop();
    }
  }

  private raw(name: string): unknown {
    if (FORBIDDEN_KEYS.has(name)) return NOT_FOUND;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      if (hasOwnKey(this.layers[i], name)) return this.layers[i][name];
    }
    return NOT_FOUND;
  }
}

const UNDEFINED_HINT = 'define it in vars, the inventory or with register, or guard it with | default(...) or `is defined`';
