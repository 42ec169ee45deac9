import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readZip } from "../../appPackage/readZip";
import { writeZip } from "../../appPackage/writeZip";

const entries = [
  { name: "manifest.json", data: Buffer.from(JSON.stringify({ a: "x".repeat(500) })) },
  { name: "tiny.bin", data: Buffer.from([1, 2, 3]) },
  { name: "empty.txt", data: Buffer.alloc(0) },
  { name: "dir/naïve.txt", data: Buffer.from("utf-8 name") },
];

/** Runs Info-ZIP's unzip (a real reader, independent of fflate) over `zip`. */
function unzip(args: string[], zip: Uint8Array): { status: number | null; stdout: string } {
  const path = join(mkdtempSync(join(tmpdir(), "callbook-zip-")), "test.zip");
  writeFileSync(path, zip);
  const run = spawnSync("unzip", [...args, path], { encoding: "utf8" });
  if (run.error) throw new Error(`unzip is needed for this test (apt-get install unzip): ${run.error.message}`);
  return { status: run.status, stdout: run.stdout };
}

describe("zip writer and reader", () => {
  it("round-trips deflated, stored and empty entries", () => {
    expect(readZip(writeZip(entries))).toEqual(entries);
  });

  it("writes what unzip reads: the CRC-32 of each entry, deflate only where it helps, a fixed date", () => {
    const rows = unzip(["-v"], writeZip(entries)).stdout.split("\n");
    const rowOf = (data: Buffer) => rows.find((line) => line.includes(` ${crc32(data).toString(16).padStart(8, "0")} `));
    for (const entry of entries) {
      expect(rowOf(entry.data), `${entry.name} in:\n${rows.join("\n")}`).toContain("2025-01-01 00:00");
    }
    expect(rowOf(entries[0]?.data ?? Buffer.alloc(0))).toMatch(/^ +508 +Defl/);
    expect(rowOf(entries[1]?.data ?? Buffer.alloc(0))).toMatch(/^ +3 +Stored +3 /);
  });

  it("rejects bad entry names and duplicates", () => {
    expect(() => writeZip([{ name: "../evil", data: Buffer.alloc(1) }])).toThrow(/invalid entry name/);
    expect(() => writeZip([{ name: "/abs", data: Buffer.alloc(1) }])).toThrow(/invalid entry name/);
    expect(() => writeZip([{ name: "a", data: Buffer.alloc(1) }, { name: "a", data: Buffer.alloc(1) }])).toThrow(/duplicate/);
  });

  it("a corrupted entry fails unzip's CRC test, and a broken deflate stream fails readZip", () => {
    const zip = writeZip([{ name: "a.txt", data: Buffer.from("hello hello hello") }]);
    expect(unzip(["-t"], zip).stdout).toContain("No errors detected");
    const flipped = Buffer.from(zip);
    const at = 30 + "a.txt".length + 2; // a byte of the compressed body: still inflates, to the wrong text
    flipped[at] = (flipped[at] ?? 0) ^ 0xff;
    const tested = unzip(["-t"], flipped);
    expect(tested.status).not.toBe(0);
    expect(tested.stdout).toMatch(/bad CRC/);
    const broken = Buffer.from(zip);
    broken[30 + "a.txt".length] = (broken[30 + "a.txt".length] ?? 0) ^ 0xff; // the deflate block header
    expect(() => readZip(broken)).toThrow();
  });
});
