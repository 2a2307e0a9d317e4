import { expect } from 'chai';
import { goParseInt, readsAsTokenId } from '../../lib/gitea/goParseInt.js';

// Expected values are what Go's strconv.ParseInt(s, 0, 64) returns (the value, even alongside ErrRange).
const TABLE: Array<[string, bigint]> = [
  ['42', 42n],
  ['+7', 7n],
  ['-7', -7n],
  ['0x2a', 42n],
  ['0X2A', 42n],
  ['052', 42n],
  ['0o52', 42n],
  ['0b101010', 42n],
  ['1_000', 1000n],
  ['0x_1f', 31n],
  ['0_7', 7n],
  ['0', 0n],
  ['', 0n],
  ['ops-2026', 0n],
  ['abc', 0n],
  ['08', 0n],
  ['0x', 0n],
  ['1__0', 0n],
  ['_1', 0n],
  ['1_', 0n],
  [' 1', 0n],
  ['1e3', 0n],
  ['99999999999999999999', 9223372036854775807n],
  ['-99999999999999999999', -9223372036854775808n],
  ['9223372036854775807', 9223372036854775807n],
];

describe("goParseInt: Go's strconv.ParseInt(s, 0, 64), as Gitea reads a token path value", () => {
  for (const [input, expected] of TABLE) {
    it(`${JSON.stringify(input)} → ${expected}`, () => {
      expect(goParseInt(input)).to.equal(expected);
      expect(readsAsTokenId(input)).to.equal(expected !== 0n);
    });
  }
});
