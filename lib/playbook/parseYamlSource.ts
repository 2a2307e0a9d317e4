import { isCollection, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { ErrorCode } from '../errors/FerryError.js';
import type { Problems } from './Problems.js';
import { YamlSource } from './YamlSource.js';
import { yamlErrorProblems } from './yamlErrorProblems.js';

/** Aliases a file may expand, in all: enough for real reuse, far too few for a "billion laughs" file. */
export const MAX_ALIAS_COUNT = 100;

/** Where an alias bomb starts: the first alias whose target holds aliases itself, else the first alias. */
function aliasBombOffset(doc: Document): number {
  let first: number | undefined;
  let nested: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      const at = alias.range?.[0];
      first ??= at;
      const target = alias.resolve(doc) as Node | undefined;
      let inner = false;
      if (target && isCollection(target)) visit(target, { Alias: () => ((inner = true), visit.BREAK) });
      if (inner && nested === undefined) {
        nested = at;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return nested ?? first ?? 0;
}

// Parses one YAML file keeping node ranges; every YAML problem becomes a positioned one. Undefined when the file is broken.
export function parseYamlSource(file: string, text: string, problems: Problems, code: ErrorCode = 'YAML_SYNTAX'): YamlSource | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    merge: true,
  });
  const probe = new YamlSource(file, doc, lineCounter, undefined);
  const errors = [...doc.errors, ...doc.warnings];
  if (errors.length > 0) {
    yamlErrorProblems(probe, text, errors, problems, code);
    return undefined;
  }
  // The alias limit applies when the document becomes data (parseDocument has no such option).
  try {
    return new YamlSource(file, doc, lineCounter, doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch (e) {
    // Only the alias limit is a bomb; an alias whose anchor is missing is a plain mistake with its own message.
    const bomb = /excessive alias count/i.test((e as Error).message);
    problems.add(
      code,
      bomb ? `aliases expand to too many nodes (limit ${MAX_ALIAS_COUNT}): this looks like an alias bomb` : `YAML: ${(e as Error).message}`,
      probe.at(bomb ? aliasBombOffset(doc) : 0),
      bomb ? 'expand fewer aliases (*name); nested aliases multiply' : 'fix the YAML at this position',
    );
    return undefined;
  }
}
