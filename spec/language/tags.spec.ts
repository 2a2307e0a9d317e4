import { expect } from 'chai';
import { startLanguageLab, tasksOf, type LanguageLab } from './languageLab.js';

describe('language: tags, --tags, --skip-tags, always and never', function () {
  let ll: LanguageLab;
  let runs = 0;
  before(async () => {
    ll = await startLanguageLab();
  });
  after(async () => ll.stop());

  /** The task names that ran, in order, read back from the log every task appends to, on every host alike. */
  async function ran(...args: string[]): Promise<string[]> {
    const log = `/etc/ferry-app/tags-${++runs}.log`;
    const res = await ll.run('tags.yml', ['-e', `log=${log}`, ...args]);
    expect(res.code, res.all).to.equal(0);
    const lines = (ll.read('host1', log) ?? '').split('\n').filter(Boolean);
    for (const h of ['host2', 'host3']) expect(ll.read(h, log) ?? '', h).to.equal(ll.read('host1', log) ?? '');
    return lines;
  }

  // [command-line tags, the tasks that run]
  const table: Array<[string[], string[]]> = [
    [[], ['untagged', 'web', 'db', 'web-block', 'always']],
    [['--tags', 'web'], ['web', 'web-block', 'always']],
    [['--skip-tags', 'web'], ['untagged', 'db', 'always']],
    [['--tags', 'debug'], ['always', 'never']],
    [['--tags', 'web,db', '--skip-tags', 'always'], ['web', 'db', 'web-block']],
    [['--tags', 'untagged'], ['untagged', 'always']],
  ];
  for (const [args, expected] of table) {
    it(`${args.join(' ') || 'no tags'}: runs ${expected.join(', ')}`, async () => {
      expect(await ran(...args)).to.deep.equal(expected);
    });
  }

  it('in check mode selects the same tasks and runs none of them', async () => {
    const before = await ll.lab.hashTree('host2');
    const res = await ll.run('tags.yml', ['--check', '--tags', 'db', '-e', 'log=/etc/ferry-app/tags-check.log']);
    expect(res.code, res.all).to.equal(0);
    expect(await ll.lab.hashTree('host2')).to.equal(before);
    expect(tasksOf(res.report, 'host2')).to.deep.equal(['db', 'always']);
    expect(res.report!.hosts.host2.tasks.map((t) => t.status)).to.deep.equal(['changed', 'changed']);
  });
});
