/**
 * An XPath 1.0 string literal for any text. XPath has no escape character: a value with only one
 * kind of quote is wrapped in the other; one with both is built with concat() from pieces that
 * each hold one kind (the usual construction, e.g. concat('O', "'", 'Brien "x"')).
 */
export function xpathStringLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('An XPath literal cannot hold a NUL character.');
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  const parts = value.split("'").map((piece) => `'${piece}'`);
  const joined: string[] = [];
  parts.forEach((p, i) => {
    if (i > 0) joined.push(`"'"`);
    if (p !== "''") joined.push(p);
  });
  return `concat(${joined.join(', ')})`;
}

/** Elements whose text attribute equals `text` exactly. */
export function xpathByText(text: string): string {
  return `//*[@text=${xpathStringLiteral(text)}]`;
}
