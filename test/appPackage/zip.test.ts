import { describe, expect, it } from "vitest";
import { crc32 } from "../../appPackage/crc32";
import { readZip } from "../../appPackage/readZip";
import { writeZip } from "../../appPackage/writeZip";

describe("zip writer and reader", () => {
  it("computes the standard CRC-32 check value", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(Buffer.from("6789"), crc32(Buffer.from("12345")))).toBe(0xcbf43926);
  });

  it("round-trips deflated, stored and empty entries", () => {
    const entries = [
      { name: "manifest.json", data: Buffer.from(JSON.stringify({ a: "x".repeat(500) })) },
      { name: "tiny.bin", data: Buffer.from([1, 2, 3]) },
      { name: "empty.txt", data: Buffer.alloc(0) },
      { name: "dir/naïve.txt", data: Buffer.from("utf-8 name") },
    ];
    expect(readZip(writeZip(entries))).toEqual(entries);
  });

  it("rejects bad entry names and detects a corrupted entry", () => {
    expect(() => writeZip([{ name: "../evil", data: Buffer.alloc(1) }])).toThrow(/invalid entry name/);
    expect(() => writeZip([{ name: "a", data: Buffer.alloc(1) }, { name: "a", data: Buffer.alloc(1) }])).toThrow(/duplicate/);
    const zip = writeZip([{ name: "a.txt", data: Buffer.from("hello hello hello") }]);
    const at = 30 + "a.txt".length + 2; // a byte of the compressed body
    zip[at] = (zip[at] ?? 0) ^ 0xff;
    expect(() => readZip(zip)).toThrow();
  });
});
