import { TemplateFault } from '../TemplateFault.js';

const SHOWN = 80;

// A syntax error names the 1-based column inside the template string and quotes the template, so the mistake can be found at a glance.
export function syntaxError(source: string, at: number, what: string, hint?: string, why?: string): TemplateFault {
  const shown = source.length > SHOWN ? `${source.slice(0, SHOWN)}…` : source;
  return new TemplateFault('TEMPLATE', `${what} at column ${at + 1} of '${shown}'${why ? `: ${why}` : ''}`, hint);
}
