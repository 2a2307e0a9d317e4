// A message argument as a line of text: a lone template may render it to a number, a list or a dict.
export function messageText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
