/** A plain-text table for drill output: the first row is the header. */
export function printTable(title: string, rows: (string | number)[][]): void {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, String(cell).length)), []);
  const line = (row: (string | number)[]) => row.map((cell, i) => String(cell).padEnd(widths[i] ?? 0)).join("  ");
  const [header, ...body] = rows;
  const out = [`\n${title}`, header ? line(header) : "", widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
  process.stdout.write(out.join("\n") + "\n");
}
