import { didYouMean } from '../playbook/didYouMean.js';
import { isMapping, yamlKind } from '../playbook/isMapping.js';
import type { Problems } from '../playbook/Problems.js';
import type { PathSeg, YamlSource } from '../playbook/YamlSource.js';
import { expandHostRange } from './expandHostRange.js';
import { groupCycle } from './groupCycle.js';
import { addEdge, addHost, emptyRawInventory, ensureGroup, type RawInventory } from './RawInventory.js';
import { emptyLayer, setVar, type VarLayer } from './VarLayer.js';

const GROUP_KEYS = ['hosts', 'children', 'vars'];
const FORMAT_HINT = "ferry reads Ansible's YAML inventory: 'all:' with 'hosts:', 'children:' and 'vars:'";

/** The walk's shared state. */
interface Walk {
  src: YamlSource;
  raw: RawInventory;
  problems: Problems;
}

/** `hosts: web1` and `children: web` are allowed shorthands for a one-entry mapping. */
function entries(w: Walk, value: unknown, path: readonly PathSeg[], what: string): Array<[string, unknown]> | undefined {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [[value, null]];
  if (isMapping(value)) return Object.entries(value);
  const hint = `write one name per line, each followed by ':' (a list is not accepted here)`;
  w.problems.add('INVENTORY', `${what} must be a mapping of names, got ${yamlKind(value)}`, w.src.posOf(path), hint);
  return undefined;
}

/** Copies a mapping of variables into a layer, keeping each one's position. */
function varsLayer(w: Walk, value: Record<string, unknown>, path: readonly PathSeg[]): VarLayer {
  const layer = emptyLayer();
  for (const [name, v] of Object.entries(value)) setVar(layer, name, v, w.src.posOf([...path, name]));
  return layer;
}

function parseVars(w: Walk, group: string, value: unknown, path: readonly PathSeg[]): void {
  if (value === null || value === undefined) return;
  if (!isMapping(value)) {
    w.problems.add('INVENTORY', `vars of group '${group}' must be a mapping, got ${yamlKind(value)}`, w.src.posOf(path), 'write one "name: value" per line');
    return;
  }
  const g = ensureGroup(w.raw, group);
  for (const [name, v] of Object.entries(value)) {
    const pos = w.src.posOf([...path, name]);
    if (name !== 'ansible_group_priority') setVar(g.vars, name, v, pos);
    else if (Number.isInteger(Number(v)) && v !== null && v !== '') g.priority = Number(v);
    else w.problems.add('INVENTORY', `ansible_group_priority of group '${group}' must be an integer`, pos);
  }
}

function parseHosts(w: Walk, group: string, value: unknown, path: readonly PathSeg[]): void {
  for (const [key, vars] of entries(w, value, path, `hosts of group '${group}'`) ?? []) {
    const at = [...path, key];
    if (vars !== null && vars !== undefined && !isMapping(vars)) {
      const hint = "give the host nothing ('web1:') or a mapping of its variables";
      w.problems.add('INVENTORY', `host '${key}' must map to its variables or nothing, got ${yamlKind(vars)}`, w.src.posOf(at), hint);
      continue;
    }
    const port = /^([^:[\]]+):(\d+)$/.exec(key);
    const expanded = expandHostRange(port ? port[1] : key);
    if ('error' in expanded) {
      w.problems.add('INVENTORY', `host '${key}': ${expanded.error}`, w.src.keyPosOf(at));
      continue;
    }
    const layer = isMapping(vars) ? varsLayer(w, vars, at) : emptyLayer();
    if (port) setVar(layer, 'ansible_port', Number(port[2]), w.src.keyPosOf(at));
    for (const host of expanded.hosts) addHost(w.raw, group, host, layer);
  }
}

function parseChildren(w: Walk, group: string, value: unknown, path: readonly PathSeg[]): void {
  for (const [child, body] of entries(w, value, path, `children of group '${group}'`) ?? []) {
    const at = [...path, child];
    if (child === 'all') {
      w.problems.add('INVENTORY', `'all' cannot be a child of group '${group}'`, w.src.keyPosOf(at), "every group is already inside 'all'");
      continue;
    }
    const cycle = groupCycle(w.raw, group, child);
    if (cycle) w.problems.add('INVENTORY', `group cycle: ${cycle.join(' → ')}`, w.src.keyPosOf(at), 'a group cannot contain itself: remove one of these children');
    else addEdge(w.raw, group, child);
    parseGroup(w, child, body, at);
  }
}

/** One group's body: hosts, children and vars, in the order written. */
function parseGroup(w: Walk, name: string, body: unknown, path: readonly PathSeg[]): void {
  ensureGroup(w.raw, name);
  if (body === null || body === undefined) return;
  if (!isMapping(body)) {
    const message = `group '${name}' must be a mapping of hosts, children and vars, got ${yamlKind(body)}`;
    w.problems.add('INVENTORY', message, w.src.posOf(path), FORMAT_HINT);
    return;
  }
  for (const [key, value] of Object.entries(body)) {
    const at = [...path, key];
    if (key === 'hosts') parseHosts(w, name, value, at);
    else if (key === 'children') parseChildren(w, name, value, at);
    else if (key === 'vars') parseVars(w, name, value, at);
    else {
      const hint = didYouMean(key, GROUP_KEYS) ?? "a group holds only 'hosts:', 'children:' and 'vars:'";
      w.problems.add('INVENTORY', `unknown key '${key}' in group '${name}'`, w.src.keyPosOf(at), hint);
    }
  }
}

// Walks an Ansible YAML inventory: top-level groups (children of all), nested at any depth, hosts met twice are one.
export function parseInventoryTree(src: YamlSource, problems: Problems): RawInventory {
  const w: Walk = { src, raw: emptyRawInventory(), problems };
  if (!isMapping(src.data) || Object.keys(src.data).length === 0) {
    const got = isMapping(src.data) ? 'an empty mapping' : yamlKind(src.data);
    problems.add('INVENTORY', `an inventory must be a mapping of groups, got ${got}`, src.posOf([]), FORMAT_HINT);
    return w.raw;
  }
  for (const [name, body] of Object.entries(src.data)) {
    if (name !== 'all') addEdge(w.raw, 'all', name);
    parseGroup(w, name, body, [name]);
  }
  const all = ensureGroup(w.raw, 'all');
  const ungrouped = ensureGroup(w.raw, 'ungrouped');
  const grouped = new Set([...w.raw.groups.values()].filter((g) => g.name !== 'all').flatMap((g) => g.hosts));
  for (const host of all.hosts) if (!grouped.has(host)) ungrouped.hosts.push(host);
  return w.raw;
}
