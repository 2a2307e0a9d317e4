import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { evaluate, FILTERS } from '../../lib/template/index.js';
import { scope } from './fixtures.js';

const sha = (alg: string, text: string): string => createHash(alg).update(text).digest('hex');

// Every filter, with its arguments (positional and keyword) and the Ansible/Jinja behaviour it mirrors.
const CASES: Array<[string, unknown]> = [
  // presence
  ["missing | default('x')", 'x'],
  ['n | default(1)', 7],
  ["empty | default('x')", ''],
  ["empty | default('x', true)", 'x'],
  ["no | default('x', boolean=true)", 'x'],
  ['missing | d(3)', 3],
  ['missing | default', ''],
  ['n | mandatory', 7],
  ["yes | ternary('on', 'off')", 'on'],
  ["no | ternary('on', 'off')", 'off'],
  ["nothing | ternary('on', 'off', 'unset')", 'unset'],
  // text
  ['s | lower', 'hello'],
  ['s | upper', 'HELLO'],
  ["'hELLO wORLD' | capitalize", 'Hello world'],
  ["'hello big-world' | title", 'Hello Big-World'],
  ["'  pad  ' | trim", 'pad'],
  ["'xxpadxx' | trim('x')", 'pad'],
  ["'a-b-c' | replace('-', '+')", 'a+b+c'],
  ["'a-b-c' | replace('-', '+', 1)", 'a+b-c'],
  ["'a b  c ' | split", ['a', 'b', 'c']],
  ["'a,b,,c' | split(',')", ['a', 'b', '', 'c']],
  ["'a,b,c' | split(',', 1)", ['a', 'b,c']],
  ["'a\\nb\\n\\nc' | indent(2)", 'a\n  b\n\n  c'],
  ["'a\\nb' | indent(width='> ', first=true)", '> a\n> b'],
  // lists
  ['list | length', 3],
  ['s | length', 5],
  ['user | length', 4],
  ['list | count', 3],
  ['list | first', 3],
  ['list | last', 2],
  ['s | first', 'H'],
  ["list | join(', ')", '3, 1, 2'],
  ['list | join', '312'],
  ["users | join(',', attribute='name')", 'bob,alice'],
  ["[1, 'a', 1, 'A', 'a'] | unique", [1, 'a']],
  ["['a', 'A'] | unique(case_sensitive=true)", ['a', 'A']],
  ['list | sort', [1, 2, 3]],
  ['list | sort(reverse=true)', [3, 2, 1]],
  ['names | sort', ['Alice', 'bob', 'carol']],
  ['names | sort(case_sensitive=true)', ['Alice', 'bob', 'carol']],
  ["users | sort(attribute='uid') | map(attribute='name') | list", ['alice', 'bob']],
  ['list | reverse', [2, 1, 3]],
  ['s | reverse', 'olleH'],
  ['list | min', 1],
  ['list | max', 3],
  ["users | max(attribute='uid') | string", '{"name":"bob","uid":1001,"admin":true}'],
  ['list | sum', 6],
  ["users | sum(attribute='uid')", 2001],
  ['[1, [2, [3, [4]]]] | flatten', [1, 2, 3, 4]],
  ['[1, [2, [3]]] | flatten(1)', [1, 2, [3]]],
  ['[1, none, [2]] | flatten', [1, 2]],
  // sets
  ['[1, 2] | union([2, 3])', [1, 2, 3]],
  ['[1, 2, 2] | intersect([2, 3])', [2]],
  ['[1, 2, 3] | difference([2])', [1, 3]],
  ['[1, 2] | symmetric_difference([2, 3])', [1, 3]],
  // dicts
  ["{'a': 1} | dict2items", [{ key: 'a', value: 1 }]],
  ["{'a': 1} | dict2items(key_name='k', value_name='v')", [{ k: 'a', v: 1 }]],
  ["[{'key': 'a', 'value': 1}] | items2dict", { a: 1 }],
  ["[{'n': 'a', 'v': 1}] | items2dict(key_name='n', value_name='v')", { a: 1 }],
  ["{'a': 1, 'b': {'x': 1}} | combine({'b': {'y': 2}})", { a: 1, b: { y: 2 } }],
  ["{'a': 1, 'b': {'x': 1}} | combine({'b': {'y': 2}}, recursive=true)", { a: 1, b: { x: 1, y: 2 } }],
  ["{'l': [1]} | combine({'l': [2]}, list_merge='append')", { l: [1, 2] }],
  ["[{'a': 1}, {'b': 2}] | combine", { a: 1, b: 2 }],
  // numbers and types
  ["'42' | int", 42],
  ["' 3.9 ' | int", 3],
  ["'abc' | int", 0],
  ["'abc' | int(-1)", -1],
  ["'0x1A' | int(base=16)", 26],
  ['f | int', 2],
  ["'2.5' | float", 2.5],
  ["'x' | float(1.5)", 1.5],
  ['-3 | abs', 3],
  ['2.5 | round', 3],
  ['3.14159 | round(2)', 3.14],
  ["2.1 | round(method='ceil')", 3],
  ["'yes' | bool", true],
  ["'True' | bool", true],
  ["'no' | bool", false],
  ['1 | bool', true],
  ['n | string', '7'],
  ['list | string', '[3,1,2]'],
  ["'ab' | list", ['a', 'b']],
  ["{'a': 1} | list", ['a']],
  ['s | type_debug', 'str'],
  ['user | type_debug', 'dict'],
  ['nothing | type_debug', 'NoneType'],
  // encodings and digests
  ["'ferry' | b64encode", 'ZmVycnk='],
  ["'ZmVycnk=' | b64decode", 'ferry'],
  ["'plain-word_1.2' | quote", 'plain-word_1.2'],
  ["\"it's a $HOME\" | quote", `'it'"'"'s a $HOME'`],
  ["'' | quote", "''"],
  ["'a b/c' | urlencode", 'a%20b/c'],
  ["{'q': 'a b', 'x': 1} | urlencode", 'q=a%20b&x=1'],
  ["'ferry' | hash('sha256')", sha('sha256', 'ferry')],
  ["'ferry' | hash", sha('sha1', 'ferry')],
  ["'ferry' | checksum", sha('sha1', 'ferry')],
  ["'ferry' | md5", sha('md5', 'ferry')],
  ["'ferry' | sha1", sha('sha1', 'ferry')],
  ["'ferry' | sha256", sha('sha256', 'ferry')],
  // serialisation
  ["{'b': 1, 'a': [true, none]} | to_json", '{"b":1,"a":[true,null]}'],
  ["{'b': 1, 'a': 2} | to_json(sort_keys=true)", '{"a":2,"b":1}'],
  ["{'b': 1, 'a': 2} | to_nice_json", '{\n    "a": 2,\n    "b": 1\n}'],
  ['\'{"a": [1, 2]}\' | from_json', { a: [1, 2] }],
  ["{'a': [1, 2]} | to_yaml", 'a:\n  - 1\n  - 2\n'],
  ["{'a': {'b': 1}} | to_nice_yaml", 'a:\n    b: 1\n'],
  ["'a: [1, 2]' | from_yaml", { a: [1, 2] }],
  // regex (Python syntax, Ansible's filters)
  ["'a-b-c' | regex_replace('-', '+')", 'a+b+c'],
  ["'key=val' | regex_replace('^(\\\\w+)=(\\\\w+)$', '\\\\2=\\\\1')", 'val=key'],
  ["'key=val' | regex_replace('(?P<k>\\\\w+)=', '\\\\g<k>: ')", 'key: val'],
  ["'AbA' | regex_replace('a', 'x', ignorecase=true)", 'xbx'],
  ["'aaa' | regex_replace('a', 'b', count=2)", 'bba'],
  ["'cost $5' | regex_replace('\\\\d', '$0')", 'cost $$0'],
  ["'host42.lan' | regex_search('\\\\d+')", '42'],
  ["'host42.lan' | regex_search('(\\\\w+?)(\\\\d+)', '\\\\2', '\\\\1')", ['42', 'host']],
  ["'x' | regex_search('\\\\d')", null],
  ["'a1b22' | regex_findall('\\\\d+')", ['1', '22']],
  ["'k=v,j=w' | regex_findall('(\\\\w)=(\\\\w)')", [['k', 'v'], ['j', 'w']]],
  ["'a.b*c' | regex_escape", 'a\\.b\\*c'],
  // paths (Python os.path)
  ['user.home | basename', 'bob'],
  ['user.home | dirname', '/home'],
  ["'/etc/' | basename", ''],
  ["'/x' | dirname", '/'],
  ["['/etc', 'ssh', 'sshd_config'] | path_join", '/etc/ssh/sshd_config'],
  ["['/etc', '/opt', 'x'] | path_join", '/opt/x'],
  // higher order
  ["users | map(attribute='name') | list", ['bob', 'alice']],
  ["users | map(attribute='shell', default='sh') | list", ['sh', 'sh']],
  ["names | map('upper') | list", ['BOB', 'ALICE', 'CAROL']],
  ["names | map('replace', 'o', '0') | list", ['b0b', 'Alice', 'car0l']],
  ['[0, 1, 2, none] | select', [1, 2]],
  ["list | select('odd')", [3, 1]],
  ["list | select('gt', 1)", [3, 2]],
  ["list | reject('odd')", [2]],
  ["users | selectattr('admin') | map(attribute='name') | list", ['bob']],
  ["users | selectattr('uid', 'eq', 1000) | map(attribute='name') | list", ['alice']],
  ["users | selectattr('shell', 'defined') | list", []],
  ["users | rejectattr('admin') | map(attribute='name') | list", ['alice']],
];

describe('template: filters', () => {
  for (const [expr, expected] of CASES) {
    it(`${expr} → ${JSON.stringify(expected)}`, () => {
      expect(evaluate(expr, scope())).to.deep.equal(expected);
    });
  }

  it('has a row above for every filter name and alias it offers', () => {
    const used = new Set(CASES.flatMap(([expr]) => [...expr.matchAll(/\|\s*(\w+)|map\('(\w+)'/g)].map((m) => m[1] ?? m[2])));
    expect(FILTERS.filter((name) => !used.has(name))).to.deep.equal([]);
  });

  it('offers the filters playbooks rely on', () => {
    const wanted = ['default', 'd', 'join', 'lower', 'upper', 'replace', 'regex_replace', 'regex_search', 'basename',
      'dirname', 'b64encode', 'b64decode', 'to_json', 'from_json', 'length', 'count', 'first', 'last', 'int', 'bool',
      'string', 'trim', 'list', 'unique', 'sort', 'map', 'select', 'reject', 'split', 'dict2items', 'items2dict',
      'quote', 'mandatory', 'hash', 'sha256'];
    expect(FILTERS).to.include.members(wanted);
  });
});
