import { expect } from 'chai';
import { formatDuration, parseDuration } from '../../lib/modules/assert_recent/parseDuration.js';
import { parseStamp } from '../../lib/modules/assert_recent/parseStamp.js';

describe('durations and log timestamps', () => {
  // [text, seconds or undefined]
  const durations: Array<[string, number | undefined]> = [
    ['24h', 86_400],
    ['30m', 1800],
    ['7d', 604_800],
    ['90s', 90],
    ['1w', 604_800],
    ['1h30m', 5400],
    ['2d12h', 216_000],
    [' 24H ', 86_400],
    ['24', undefined],
    ['', undefined],
    ['0h', undefined],
    ['1.5h', undefined],
    ['-1h', undefined],
    ['24 h', undefined],
    ['1y', undefined],
    ['h', undefined],
  ];
  for (const [text, seconds] of durations) {
    it(`parseDuration(${JSON.stringify(text)}) is ${seconds}`, () => expect(parseDuration(text)).to.equal(seconds));
  }

  // [seconds, text]
  const shown: Array<[number, string]> = [
    [0, '0s'],
    [12, '12s'],
    [2710, '45m 10s'],
    [93_600, '1d 2h'],
    [266_400, '3d 2h'],
    [86_401, '1d'],
    [259_202, '3d'],
    [3_660, '1h 1m'],
    [-5, '0s'],
  ];
  for (const [seconds, text] of shown) {
    it(`formatDuration(${seconds}) is ${text}`, () => expect(formatDuration(seconds)).to.equal(text));
  }

  const at = (iso: string) => Date.parse(iso) / 1000;
  // [stamp, host offset, epoch seconds or undefined]
  const stamps: Array<[string, string, number | undefined]> = [
    ['2026-05-19T03:45:02Z', '+0000', at('2026-05-19T03:45:02Z')],
    ['2026-05-19 03:45:02', '+0000', at('2026-05-19T03:45:02Z')],
    ['2026-05-19T03:45:02', '+0200', at('2026-05-19T01:45:02Z')],
    ['2026-05-19T03:45:02+02:00', '+0000', at('2026-05-19T01:45:02Z')],
    ['2026-05-19T03:45:02-0530', '+0000', at('2026-05-19T09:15:02Z')],
    ['2026-05-19T03:45:02.123Z', '+0000', at('2026-05-19T03:45:02Z')],
    ['2026-05-19T03:45', '+0000', at('2026-05-19T03:45:00Z')],
    ['2026-05-19T03:45:02+02', '+0000', at('2026-05-19T01:45:02Z')],
    ['2026-02-30T03:45:02Z', '+0000', undefined],
    ['2026-05-19T25:45:02Z', '+0000', undefined],
    ['yesterday', '+0000', undefined],
    ['2026-05-19T03:45:02', 'garbage', undefined],
  ];
  for (const [stamp, offset, epoch] of stamps) {
    it(`parseStamp(${stamp}, ${offset}) is ${epoch}`, () => expect(parseStamp(stamp, offset)).to.equal(epoch));
  }
});
