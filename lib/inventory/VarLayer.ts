import type { Pos } from '../playbook/types.js';

// Variables from one source, with where each was written: merged layers still say which file set the winning value.
export interface VarLayer {
  vars: Record<string, unknown>;
  pos: Record<string, Pos>;
}

/** A layer with nothing in it. */
export function emptyLayer(): VarLayer {
  return { vars: {}, pos: {} };
}

/** Sets one variable in a layer (a later write wins, as in Ansible). */
export function setVar(layer: VarLayer, name: string, value: unknown, pos: Pos): void {
  layer.vars[name] = value;
  layer.pos[name] = pos;
}

/** Merges layers lowest first: each variable keeps the value and place of the last layer that sets it. */
export function mergeLayers(layers: ReadonlyArray<VarLayer | undefined>): VarLayer {
  const out = emptyLayer();
  for (const layer of layers) {
    if (!layer) continue;
    for (const [name, value] of Object.entries(layer.vars)) setVar(out, name, value, layer.pos[name]);
  }
  return out;
}
