import { isDeepStrictEqual } from 'node:util';
import type { ModuleContext, ModuleDef } from '../modules/defineModule.js';
import type { RemoteHost } from '../transport/types.js';
import { probeHost } from './probeHost.js';

/** One loop item as the read-ahead saw it: its index and its rendered arguments. */
export interface LoopItemArgs {
  index: number;
  args: Record<string, unknown>;
}

interface ReadAhead {
  host: RemoteHost;
  become: boolean;
  facts: Map<number, { args: Record<string, unknown>; facts: unknown }>;
}

// A looped task whose module reads every item's facts at once (probeItems): N items cost one probe round trip
// instead of N. The facts are read when the first item runs and handed to each item only when that item renders the
// same arguments on the same host, as the same user; anything else (or a failed read) probes on its own as before.
export class LoopFacts {
  private read: Promise<ReadAhead | undefined> | undefined;

  constructor(
    private readonly module: ModuleDef,
    /** The rendered arguments of the items still to run, from the given index on (items that fail to render are left out). */
    private readonly itemsFrom: (index: number) => LoopItemArgs[],
  ) {}

  /** The read-ahead facts of item `index`, or undefined when the item must probe for itself. */
  async factsFor(ctx: ModuleContext, index: number, args: Record<string, unknown>): Promise<{ facts: unknown } | undefined> {
    const probeItems = this.module.probeItems;
    if (!probeItems) return undefined;
    this.read ??= this.readAhead(probeItems, ctx, index);
    const ahead = await this.read;
    const hit = ahead?.facts.get(index);
    if (!ahead || !hit || ahead.host !== ctx.host || ahead.become !== ctx.become || !isDeepStrictEqual(hit.args, args)) return undefined;
    return { facts: hit.facts };
  }

  private async readAhead(probeItems: NonNullable<ModuleDef['probeItems']>, ctx: ModuleContext, index: number): Promise<ReadAhead | undefined> {
    const items = this.itemsFrom(index);
    if (items.length < 2) return undefined;
    try {
      const facts = await probeItems({ ...ctx, host: probeHost(ctx.host) }, items.map((i) => i.args));
      if (facts.length !== items.length) return undefined;
      return { host: ctx.host, become: ctx.become, facts: new Map(items.map((item, k) => [item.index, { args: item.args, facts: facts[k] }])) };
    } catch {
      return undefined;
    }
  }
}
