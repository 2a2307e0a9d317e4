import { compare } from '../eval/compare.js';
import { asString } from '../filters/argTypes.js';
import { REQUIRED } from '../filters/defineFilter.js';
import { checkSubject, compileRegex } from '../filters/pythonRegex.js';
import { isTrue } from '../isTrue.js';
import type { CompareOp } from '../syntax/ast.js';
import { fail } from '../TemplateFault.js';
import { defineTest } from './defineTest.js';

function comparison(name: string, op: CompareOp, aliases: string[]) {
  return defineTest({ name, aliases, params: [['other', REQUIRED]], run: (v, p) => compare(op, v, p.other) });
}

const MODES = ['match', 'search', 'fullmatch'];

/** Ansible's regex tests: `match` anchors at the start, `search` looks anywhere, `regex` takes match_type. */
function regexTest(name: string, fixed?: string) {
  return defineTest({
    name,
    params: [['pattern', REQUIRED], ['ignorecase', false], ['multiline', false], ['match_type', fixed ?? 'search']],
    run: (v, p) => {
      const subject = checkSubject(asString(v, name), `test '${name}'`);
      const mode = fixed ?? asString(p.match_type, name, 'match_type');
      if (!MODES.includes(mode)) fail(`test '${name}' has no match_type '${mode}'`, `use one of: ${MODES.join(', ')}`);
      const options = { ignorecase: isTrue(p.ignorecase), multiline: isTrue(p.multiline), sticky: mode !== 'search', full: mode === 'fullmatch' };
      return compileRegex(asString(p.pattern, name, 'pattern'), `test '${name}'`, options).test(subject);
    },
  });
}

// Tests that compare a value with an argument, usable after `is` and inside select / selectattr.
export const compareTests = [
  comparison('eq', '==', ['equalto', '==']),
  comparison('ne', '!=', ['!=']),
  comparison('lt', '<', ['lessthan', '<']),
  comparison('le', '<=', ['<=']),
  comparison('gt', '>', ['greaterthan', '>']),
  comparison('ge', '>=', ['>=']),
  defineTest({ name: 'in', params: [['seq', REQUIRED]], run: (v, p) => compare('in', v, p.seq) }),
  defineTest({ name: 'contains', params: [['item', REQUIRED]], run: (v, p) => compare('in', p.item, v) }),
  regexTest('match', 'match'),
  regexTest('search', 'search'),
  regexTest('regex'),
];
