import { expect } from 'chai';
import { didYouMean, editDistance, nearestName } from '../../lib/playbook/didYouMean.js';

const known = ['command', 'shell', 'file', 'copy', 'debug', 'register', 'notify', 'loop', 'when', 'gather_facts', 'hosts'];

describe('didYouMean', () => {
  const table: Array<[string, string | undefined]> = [
    ['comand', 'command'],
    ['commnad', 'command'],
    ['Command', 'command'],
    ['shel', 'shell'],
    ['fille', 'file'],
    ['regiser', 'register'],
    ['notfy', 'notify'],
    ['gather_fact', 'gather_facts'],
    ['hots', 'hosts'],
    ['gather', 'gather_facts'],
    ['frobnicate', undefined],
    ['cp', undefined],
    ['xyz', undefined],
  ];
  for (const [typed, meant] of table) {
    it(`${typed} → ${meant ?? 'no suggestion'}`, () => {
      expect(nearestName(typed, known)).to.equal(meant);
      expect(didYouMean(typed, known)).to.equal(meant && `did you mean '${meant}'?`);
    });
  }

  const distances: Array<[string, string, number]> = [
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['abc', 'acb', 1],
    ['kitten', 'sitting', 3],
  ];
  for (const [a, b, d] of distances) {
    it(`editDistance(${JSON.stringify(a)}, ${JSON.stringify(b)}) = ${d}`, () => expect(editDistance(a, b)).to.equal(d));
  }
});
