import type { Node } from '../syntax/ast.js';

// Reads a path back as the user wrote it (`user.token`, `hostvars[host].x`), so messages name what is missing.
export function describeNode(node: Node): string {
  switch (node.type) {
    case 'name':
      return node.name;
    case 'literal':
      return typeof node.value === 'string' ? `'${node.value}'` : String(node.value);
    case 'get': {
      const target = describeNode(node.target);
      const key = node.key.type === 'literal' ? node.key.value : undefined;
      if (node.dotted) return `${target}.${String(key)}`;
      return `${target}[${describeNode(node.key)}]`;
    }
    case 'filter':
      return `${describeNode(node.target)} | ${node.name}`;
    default:
      return 'the value';
  }
}
