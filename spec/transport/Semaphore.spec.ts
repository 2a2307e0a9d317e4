import { expect } from 'chai';
import { Semaphore } from '../../lib/transport/Semaphore.js';

describe('Semaphore', function () {
  it('never lets more than its limit run, and runs every task', async function () {
    const sem = new Semaphore(3);
    let running = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    const tasks = Array.from({ length: 10 }, (_, i) =>
      sem.use(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => gates.push(resolve));
        running--;
        return i;
      }),
    );
    // Open the gates one by one as tasks arrive.
    for (let opened = 0; opened < 10; opened++) {
      while (gates.length === 0) await new Promise((r) => setImmediate(r));
      gates.shift()!();
    }
    expect(await Promise.all(tasks)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).to.equal(3);
    expect(sem.running).to.equal(0);
  });

  it('frees a slot when a task throws, and a release called twice frees it once', async function () {
    const sem = new Semaphore(1);
    await sem.use(() => Promise.reject(new Error('boom'))).catch(() => undefined);
    const release = await sem.acquire();
    release();
    release();
    expect(sem.running).to.equal(0);
  });

  it('refuses a limit below 1', () => expect(() => new Semaphore(0)).to.throw(RangeError));
});
