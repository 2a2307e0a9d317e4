import { expect } from 'chai';
import { cleanHolder, holderText, HOLDER_WIDTH } from '../../lib/engine/hostLock/holderText.js';
import { hostLockScript, parseLockLine } from '../../lib/engine/hostLock/hostLockScript.js';
import { hostLockPolicyOf, taskTimeoutMs } from '../../lib/cli/safetyOptions.js';
import { FerryError } from '../../lib/errors/FerryError.js';
import { Semaphore } from '../../lib/transport/Semaphore.js';
import { reachesHosts } from '../../lib/engine/hostLock/reachesHosts.js';
import { builtinModules } from '../../lib/modules/index.js';
import type { PlayDef, Step } from '../../lib/playbook/types.js';

const pos = { file: 'p.yml', line: 1, col: 1 };
const task = (module: string, extra: Record<string, unknown> = {}): Step => ({ kind: 'task', module, args: {}, pos, argPos: {}, ...extra });
const block = (steps: Step[], extra: Record<string, unknown> = {}): Step => ({ kind: 'block', block: steps, rescue: [], always: [], pos, ...extra });
const play = (tasks: Step[], handlers: Step[] = []): PlayDef => ({ name: 'p', hosts: 'all', tasks, handlers, pos }) as unknown as PlayDef;

describe('host lock: the pure parts', function () {
  describe('parseLockLine', function () {
    const table: [string, ReturnType<typeof parseLockLine>][] = [
      ['FERRY-LOCK HELD', { answer: 'HELD', text: '' }],
      ['FERRY-LOCK BUSY ferry run by ann@ctl (pid 7)', { answer: 'BUSY', text: 'ferry run by ann@ctl (pid 7)' }],
      ['FERRY-LOCK WAITING ', { answer: 'WAITING', text: '' }],
      ['FERRY-LOCK ERROR flock(1) is not installed on this host', { answer: 'ERROR', text: 'flock(1) is not installed on this host' }],
      ['FERRY-LOCK GRANTED', undefined],
      ['ferry-lock HELD', undefined],
      ['motd: welcome', undefined],
    ];
    for (const [line, want] of table) it(JSON.stringify(line), () => expect(parseLockLine(line)).to.deep.equal(want));
  });

  describe('cleanHolder: what a lock file says is shown as one printable line', function () {
    const table: [string, string][] = [
      ['ferry run by ann@ctl (pid 7)', 'ferry run by ann@ctl (pid 7)'],
      ['two\nlines', 'two lines'],
      ['\u001b[31mred\u001b[0m', '[31mred [0m'],
      ['  padded      ', 'padded'],
      ['bell\u0007 and del\u007f', 'bell and del'],
    ];
    for (const [raw, want] of table) it(JSON.stringify(raw), () => expect(cleanHolder(raw)).to.equal(want));
    it(`cuts at ${HOLDER_WIDTH} characters`, () => expect(cleanHolder('x'.repeat(1000))).to.have.length(HOLDER_WIDTH));
  });

  it('holderText names the user, controller, pid, start time and playbook', function () {
    const text = holderText('site.yml', new Date('2030-01-02T03:04:05Z'));
    expect(text).to.match(/^ferry run by \S+@\S+ \(pid \d+\) since 2030-01-02T03:04:05\.000Z, playbook site\.yml$/);
    expect(text).to.include(`pid ${process.pid}`);
  });

  it('holderText names a rollback and the report it works from', function () {
    const text = holderText('/srv/reports/run.json', new Date('2030-01-02T03:04:05Z'), 'rollback');
    expect(text).to.match(/^ferry rollback by \S+@\S+ \(pid \d+\) since 2030-01-02T03:04:05\.000Z, report \/srv\/reports\/run\.json$/);
  });

  it('the lock script carries the holder as one quoted word and waits only in wait mode', function () {
    const holder = "it's $(reboot) `id`";
    const fail = hostLockScript({ path: '/tmp/.ferry.lock', holder, waitSeconds: 0, staleSeconds: 30 });
    expect(fail).to.include(`holder='it'\\''s $(reboot) \`id\`'`);
    expect(fail).to.include('wait=0');
    expect(hostLockScript({ path: '/tmp/.ferry.lock', holder, waitSeconds: 12.7, staleSeconds: 0 })).to.include('wait=12').and.include('stale=1');
  });

  describe('command-line policy', function () {
    const table: { args: Record<string, unknown>; mode?: string; wait?: number; task?: number; error?: RegExp }[] = [
      { args: {}, mode: 'fail', wait: 600, task: 3_600_000 },
      { args: { lock: 'wait', lockTimeout: 5, taskTimeout: 2 }, mode: 'wait', wait: 5, task: 2000 },
      { args: { lock: 'off' }, mode: 'off', wait: 600 },
      { args: { lock: 'maybe' }, error: /--lock must be one of fail, wait, off/ },
      { args: { lockTimeout: 0 }, error: /--lock-timeout must be a positive/ },
      { args: { taskTimeout: -1 }, error: /--task-timeout must be a positive/ },
    ];
    for (const row of table) {
      it(JSON.stringify(row.args), function () {
        const run = (): unknown => [hostLockPolicyOf(row.args, 'p.yml'), taskTimeoutMs(row.args)];
        if (row.error) {
          expect(run).to.throw(FerryError, row.error);
          return;
        }
        const [policy, task] = run() as [ReturnType<typeof hostLockPolicyOf>, number];
        expect(policy.mode).to.equal(row.mode);
        expect(policy.waitSeconds).to.equal(row.wait);
        if (row.task !== undefined) expect(task).to.equal(row.task);
        expect(policy.holder).to.include('playbook p.yml');
      });
    }
  });

  describe('reachesHosts: only plays that run something on their hosts lock them', function () {
    const table: [string, PlayDef, boolean][] = [
      ['a command', play([task('command')]), true],
      ['only debug and set_fact', play([task('debug'), task('set_fact')]), false],
      ['a copy delegated to localhost', play([task('copy', { delegate_to: 'localhost' })]), false],
      ['a block delegated to 127.0.0.1 around a command', play([block([task('command')], { delegate_to: '127.0.0.1' })]), false],
      ['a templated delegate_to', play([task('command', { delegate_to: '{{ jump }}' })]), true],
      ['a command in a handler only', play([task('debug')], [task('command')]), true],
      ['a file task in a rescue', play([{ ...(block([task('debug')]) as object), rescue: [task('file')] } as Step]), true],
      ['no tasks at all', play([]), false],
    ];
    for (const [title, p, want] of table) it(title, () => expect(reachesHosts(p, builtinModules)).to.equal(want));
  });

  it('a lowered channel limit takes effect as channels close, and never rises again', async function () {
    const sem = new Semaphore(4);
    const releases = await Promise.all([sem.acquire(), sem.acquire(), sem.acquire()]);
    sem.lowerTo(1);
    sem.lowerTo(3);
    expect(sem.limit).to.equal(1);
    let fourth = false;
    const waiting = sem.acquire().then((r) => {
      fourth = true;
      return r;
    });
    releases[0]();
    releases[1]();
    await new Promise((r) => setImmediate(r));
    expect(fourth, 'two of three still running above a limit of one').to.equal(false);
    releases[2]();
    (await waiting)();
    expect(fourth).to.equal(true);
    expect(sem.running).to.equal(0);
  });
});
