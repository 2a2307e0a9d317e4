import type { YAMLError } from 'yaml';
import type { ErrorCode } from '../errors/FerryError.js';
import type { Problems } from './Problems.js';
import type { YamlSource } from './YamlSource.js';

const TAB_HINT = 'YAML indents with spaces only: replace the tab with spaces';

/** Says what yaml's terse codes mean and what to do about them. */
function describe(error: YAMLError, lineText: string, col: number): { message: string; hint: string } {
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*(?:-\s+)?(["']?)([^:'"]+)\1\s*:/.exec(lineText.slice(col - 1))?.[2]?.trim() ?? '';
      return { message: `duplicate key '${key}'`, hint: 'a key may appear once per mapping: remove or merge the repeats' };
    }
    case 'MULTIPLE_DOCS':
      return { message: 'more than one YAML document in one file', hint: "remove the '---' separator or split the file" };
    case 'TAG_RESOLVE_FAILED': {
      const tag = /^!\S*/.exec(lineText.slice(col - 1))?.[0] ?? 'tag';
      const hint = tag === '!vault' ? "ferry does not read Ansible Vault: declare the value under the play's 'secrets:' (env or file)" : 'remove the tag';
      return { message: `unknown YAML tag '${tag}'`, hint };
    }
    case 'TAB_AS_INDENT':
      return { message: 'tab character in indentation', hint: TAB_HINT };
    default:
      return { message: `YAML syntax: ${error.message}`, hint: 'fix the YAML at this position' };
  }
}

// yaml reports a tab in indentation as a cascade of odd tokens: this folds those into one plain problem per line.
export function yamlErrorProblems(src: YamlSource, text: string, errors: readonly YAMLError[], problems: Problems, code: ErrorCode): void {
  const lines = text.split(/\r?\n/);
  const tabLines = new Set<number>();
  for (const error of errors) {
    const pos = src.at(error.pos[0]);
    const lineText = lines[pos.line - 1] ?? '';
    const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
    if (indent.includes('\t')) {
      if (tabLines.has(pos.line)) continue;
      tabLines.add(pos.line);
      problems.add(code, 'tab character in indentation', { ...pos, col: indent.indexOf('\t') + 1 }, TAB_HINT);
      continue;
    }
    const { message, hint } = describe(error, lineText, pos.col);
    problems.add(code, message, pos, hint);
  }
}
