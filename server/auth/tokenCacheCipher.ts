import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// The at-rest form of a PM's msal-node token cache (issue 17 §5): AES-256-GCM (Node's OpenSSL),
// a fresh 96-bit IV per write, the 128-bit tag kept, and the row's (tenant, person) as additional
// authenticated data so a ciphertext copied to another person's row does not decrypt.
// Format: "v1.<base64url iv>.<base64url tag>.<base64url ciphertext>".

/** Reads TOKEN_CACHE_KEY: 32 bytes, base64 (e.g. `openssl rand -base64 32`). Throws when it is not 32 bytes. */
export function tokenCacheKey(base64: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error("TOKEN_CACHE_KEY must be 32 bytes, base64 encoded");
  return key;
}

/** Encrypts `plain` (the serialized cache) for the row `aad` ("<tenant>/<person>"). */
export function sealTokenCache(plain: string, key: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** Decrypts a sealed cache; throws when the key, the row or the bytes are not the ones it was sealed with. */
export function openTokenCache(sealed: string, key: Buffer, aad: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("token cache: unknown format");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
