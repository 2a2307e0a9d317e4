import { expect } from 'chai';
import { command } from '../../lib/modules/command.js';
import type { RunArgs } from '../../lib/modules/runArgs.js';
import type { GuardFacts } from '../../lib/modules/runGuards.js';

describe('command: plan', () => {
  // [title, facts, args, expected changes, expected msg, expected argv for apply]
  const table: Array<[string, GuardFacts, RunArgs, string[], string | undefined, string[] | undefined]> = [
    ['runs a plain command', {}, { cmd: 'ls -l /tmp' }, ['run: ls -l /tmp'], undefined, ['ls', '-l', '/tmp']],
    ['keeps shell syntax as plain words', {}, { cmd: 'echo $HOME | cat; id' }, ['run: echo $HOME | cat; id'], undefined, ['echo', '$HOME', '|', 'cat;', 'id']],
    ['groups quoted words', {}, { cmd: `printf '%s\\n' "a b"` }, [`run: printf '%s\\n' "a b"`], undefined, ['printf', '%s\\n', 'a b']],
    ['takes argv as given and shows it quoted', {}, { argv: ['touch', '/tmp/a b', '$x'] }, [`run: touch '/tmp/a b' '$x'`], undefined, ['touch', '/tmp/a b', '$x']],
    ['runs when creates is missing', { creates: false }, { cmd: 'make', creates: '/opt/out' }, ['run: make'], undefined, ['make']],
    ['skips when creates exists', { creates: true }, { cmd: 'make', creates: '/opt/out' }, [], 'skipped, since /opt/out exists', undefined],
    ['runs when removes exists', { removes: true }, { cmd: 'rm /opt/x', removes: '/opt/x' }, ['run: rm /opt/x'], undefined, ['rm', '/opt/x']],
    ['skips when removes is missing', { removes: false }, { cmd: 'rm /opt/x', removes: '/opt/x' }, [], 'skipped, since /opt/x does not exist', undefined],
    ['creates wins over removes', { creates: true, removes: true }, { cmd: 'x', creates: '/a', removes: '/b' }, [], 'skipped, since /a exists', undefined],
  ];
  for (const [title, facts, args, changes, msg, argv] of table) {
    it(title, () => {
      const plan = command.plan(facts, args);
      expect(plan.changes.map((c) => c.summary)).to.deep.equal(changes);
      expect(plan.msg).to.equal(msg);
      expect(plan.data?.argv).to.deep.equal(argv);
    });
  }

  it('registers Ansible-shaped values when skipped', () => {
    const plan = command.plan({ creates: true }, { cmd: 'make all', creates: '/opt/out' });
    expect(plan.result).to.deep.equal({
      cmd: ['make', 'all'],
      rc: 0,
      stdout: 'skipped, since /opt/out exists',
      stderr: '',
      stdout_lines: ['skipped, since /opt/out exists'],
      stderr_lines: [],
    });
  });

  it('refuses a command line with no words', () => {
    expect(() => command.plan({}, { cmd: '   ' })).to.throw('no command given');
  });

  it('refuses an unclosed quote, pointing at argv', () => {
    expect(() => command.plan({}, { cmd: "echo 'oops" })).to.throw('no closing quotation');
  });

  it('declares cmd the free-form argument and cmd/argv/stdin secret under no_log', () => {
    expect(command.freeForm).to.equal('cmd');
    expect(command.secretArgs).to.have.members(['cmd', 'argv', 'stdin']);
  });
});
