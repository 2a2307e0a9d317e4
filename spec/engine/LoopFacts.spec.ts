import { expect } from 'chai';
import { LoopFacts, type LoopItemArgs } from '../../lib/engine/LoopFacts.js';
import type { ModuleContext, ModuleDef } from '../../lib/modules/defineModule.js';
import type { RemoteHost } from '../../lib/transport/types.js';

// The read-ahead of a loop's facts: one probeItems call for the items still to run, each item's facts handed out
// only to that item with the same arguments, on the same host, as the same user; anything else probes for itself.
describe('LoopFacts: a loop probes all its items in one round trip', function () {
  const host = { name: 'h1' } as RemoteHost;
  const ctx = (over: Partial<ModuleContext> = {}): ModuleContext =>
    ({ host, hostname: 'h1', become: false, check: false, baseDir: '.', secret: () => {}, log: () => {}, ...over }) as ModuleContext;
  const items: LoopItemArgs[] = [0, 1, 2].map((i) => ({ index: i, args: { name: `job${i}` } }));

  function moduleWith(probeItems?: (ctx: ModuleContext, items: Array<{ name: string }>) => Promise<unknown[]>) {
    const calls: Array<Array<{ name: string }>> = [];
    const module = {
      name: 'fake',
      probeItems: probeItems
        ? async (c: ModuleContext, a: Array<{ name: string }>) => {
            calls.push(a);
            return probeItems(c, a);
          }
        : undefined,
    } as unknown as ModuleDef;
    return { module, calls };
  }
  const echo = async (_: ModuleContext, a: Array<{ name: string }>) => a.map((x) => `facts of ${x.name}`);

  it('reads once and hands each item its own facts', async function () {
    const { module, calls } = moduleWith(echo);
    const facts = new LoopFacts(module, (from) => items.slice(from));
    const got = [];
    for (const item of items) got.push(await facts.factsFor(ctx(), item.index, item.args));
    expect(got).to.deep.equal([{ facts: 'facts of job0' }, { facts: 'facts of job1' }, { facts: 'facts of job2' }]);
    expect(calls).to.have.length(1);
  });

  it('reads only the items from the first one that runs', async function () {
    const { module, calls } = moduleWith(echo);
    const facts = new LoopFacts(module, (from) => items.slice(from));
    expect(await facts.factsFor(ctx(), 1, items[1].args)).to.deep.equal({ facts: 'facts of job1' });
    expect(calls[0].map((a) => a.name)).to.deep.equal(['job1', 'job2']);
  });

  it('gives nothing to an item whose arguments changed since the read, or on another host or user', async function () {
    const { module } = moduleWith(echo);
    const facts = new LoopFacts(module, (from) => items.slice(from));
    expect(await facts.factsFor(ctx(), 0, items[0].args)).to.not.equal(undefined);
    expect(await facts.factsFor(ctx(), 1, { name: 'other' })).to.equal(undefined);
    expect(await facts.factsFor(ctx({ become: true }), 2, items[2].args)).to.equal(undefined);
    expect(await facts.factsFor(ctx({ host: { name: 'h2' } as RemoteHost }), 2, items[2].args)).to.equal(undefined);
  });

  it('leaves every item to its own probe when the read fails, answers short, or there is one item', async function () {
    const failing = moduleWith(async () => {
      throw new Error('host said no');
    });
    const short = moduleWith(async () => ['only one']);
    for (const { module } of [failing, short]) {
      const facts = new LoopFacts(module, (from) => items.slice(from));
      expect(await facts.factsFor(ctx(), 0, items[0].args)).to.equal(undefined);
      expect(await facts.factsFor(ctx(), 1, items[1].args)).to.equal(undefined);
    }
    const single = moduleWith(echo);
    expect(await new LoopFacts(single.module, () => [items[0]]).factsFor(ctx(), 0, items[0].args)).to.equal(undefined);
    expect(single.calls).to.have.length(0);
  });

  it('does nothing for a module without probeItems', async function () {
    const { module } = moduleWith(undefined);
    let asked = 0;
    const facts = new LoopFacts(module, (from) => (asked++, items.slice(from)));
    expect(await facts.factsFor(ctx(), 0, items[0].args)).to.equal(undefined);
    expect(asked).to.equal(0);
  });
});
