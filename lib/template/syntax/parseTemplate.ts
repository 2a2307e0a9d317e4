import { fail, TemplateFault } from '../TemplateFault.js';
import type { Node } from './ast.js';
import { parseExpression } from './parseExpression.js';
import { splitTemplate } from './splitTemplate.js';

// A parsed template string: its text and expression parts; `lone` is set when the string is one `{{ }}`
// with at most spaces or tabs around it, whose value keeps its native type; a newline around it is content
// (`content: "{{ key }}\n"` must end in a newline), so such a string renders as text.
export interface Template {
  parts: Array<string | Node>;
  lone?: Node;
}

const CACHE_LIMIT = 4096;
const templates = new Map<string, Template | TemplateFault>();
const expressions = new Map<string, Node | TemplateFault>();

/** Parses a template string once: the same strings render for every host and loop item. */
export function parseTemplate(source: string): Template {
  return cached(templates, source, () => {
    const segments = splitTemplate(source);
    const parts = segments.map((s) => (s.kind === 'text' ? s.text : parseExpression(source, s.start, s.end)));
    const exprs = parts.filter((p): p is Node => typeof p !== 'string');
    const blankText = parts.every((p) => typeof p !== 'string' || /^[ \t]*$/.test(p));
    return exprs.length === 1 && blankText ? { parts, lone: exprs[0] } : { parts };
  });
}

/** Parses a bare expression (`when:`), cached like templates. A lone `{{ expr }}` is read as `expr`, as Ansible does. */
export function parseBare(source: string): Node {
  if (!/\{[{%#]/.test(source)) return cached(expressions, source, () => parseExpression(source));
  const template = parseTemplate(source.trim());
  if (template.lone) return template.lone;
  return fail(`an expression is written bare, not as text with {{ }} inside: '${source}'`, 'write it without {{ }}: when: x == 1');
}

function cached<T extends object>(cache: Map<string, T | TemplateFault>, key: string, make: () => T): T {
  let entry = cache.get(key);
  if (entry === undefined) {
    try {
      entry = make();
    } catch (error) {
      if (!(error instanceof TemplateFault)) throw error;
      entry = error;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, entry);
  }
  if (entry instanceof TemplateFault) throw new TemplateFault(entry.code, entry.message, entry.hint);
  return entry;
}
