// cron's own % rule: the first unescaped % ends the command and starts its stdin, later ones are newlines, `\%` is a %.
export function splitCronCommand(text: string): { command: string; stdin?: string } {
  let command = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      // A backslash escapes the next character for this scan only: it stays, unless it escapes a %.
      command += text[i + 1] === '%' ? '%' : ch + text[i + 1];
      i++;
    } else if (ch === '%') {
      return { command, stdin: cronInput(text.slice(i + 1)) };
    } else {
      command += ch;
    }
  }
  return { command };
}

/** The stdin part, as cron writes it to the pipe: % is a newline, `\%` a %, any other backslash kept; no newline added. */
function cronInput(text: string): string {
  let out = '';
  let escaped = false;
  for (const c of text) {
    let ch = c;
    if (escaped) {
      if (ch !== '%') out += '\\';
    } else if (ch === '%') ch = '\n';
    escaped = ch === '\\';
    if (!escaped) out += ch;
  }
  return escaped ? `${out}\\` : out;
}
