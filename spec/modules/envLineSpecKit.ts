import type { EnvEdit } from '../../lib/modules/env_line/planEnvFile.js';

/** A token-shaped value for env_line specs: never to appear in a diff. */
export const TOKEN = 'ghp_8f3a0c1d9e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f';

/** An edit of KEY, defaults filled in. */
export const set = (over: Partial<EnvEdit> = {}): EnvEdit => ({ key: 'KEY', value: 'new', ...over });

/** Lines that neither assign KEY (a single-quoted value may go on over lines) nor are the managed comment: these must come through any edit unchanged. */
export function otherLines(text: string, comment?: string): string[] {
  const kept: string[] = [];
  let inValue = false;
  for (const l of text.split('\n')) {
    const odd = (l.replace(/'\\''/g, '').split("'").length - 1) % 2 === 1;
    if (inValue) {
      inValue = !odd;
      continue;
    }
    if (/^[ \t]*(export[ \t]+)?KEY=/.test(l)) {
      inValue = odd;
      continue;
    }
    if (comment === undefined || l.replace(/\r$/, '').trim() !== `# ${comment}`) kept.push(l);
  }
  return kept;
}
