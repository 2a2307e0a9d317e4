import { expect } from 'chai';
import { renderDiff, type DiffInput } from '../../lib/report/renderDiff.js';

describe('renderDiff', () => {
  const table: Array<[string, DiffInput, string]> = [
    [
      'a changed line, with 3 lines of context',
      { path: '/etc/ops.env', before: '1\n2\n3\n4\nGITEA_TOKEN=****ab12\n6\n7\n8\n9\n', after: '1\n2\n3\n4\nGITEA_TOKEN=****cd34\n6\n7\n8\n9\n' },
      [
        '--- before: /etc/ops.env',
        '+++ after: /etc/ops.env',
        '@@ -2,7 +2,7 @@',
        ' 2',
        ' 3',
        ' 4',
        '-GITEA_TOKEN=****ab12',
        '+GITEA_TOKEN=****cd34',
        ' 6',
        ' 7',
        ' 8',
        '',
      ].join('\n'),
    ],
    [
      'a created file',
      { path: '/x', before: '', after: 'a\nb\n' },
      '--- before: /x\n+++ after: /x\n@@ -0,0 +1,2 @@\n+a\n+b\n',
    ],
    [
      'a removed file',
      { path: '/x', before: 'a\nb\n', after: '' },
      '--- before: /x\n+++ after: /x\n@@ -1,2 +0,0 @@\n-a\n-b\n',
    ],
    [
      'a file without a final newline',
      { path: '/x', before: 'a\nb', after: 'a\nc' },
      '--- before: /x\n+++ after: /x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
    ],
    [
      'only the final newline added',
      { path: '/x', before: 'a\nb', after: 'a\nb\n' },
      '--- before: /x\n+++ after: /x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n',
    ],
    [
      'no path',
      { before: 'a\n', after: 'b\n' },
      '--- before\n+++ after\n@@ -1,1 +1,1 @@\n-a\n+b\n',
    ],
    ['nothing changed', { path: '/x', before: 'same\n', after: 'same\n' }, ''],
  ];
  for (const [label, input, expected] of table) {
    it(label, () => {
      expect(renderDiff(input)).to.equal(expected);
    });
  }

  it('never prints jsdiff’s === separator', () => {
    expect(renderDiff({ path: '/x', before: 'a\n', after: 'b\n' })).not.to.include('===');
  });
});
