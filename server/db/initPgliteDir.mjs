// Creates a PGlite data directory (initdb) in a child process: initdb's memory peak (~900 MB of
// WebAssembly heap that is never returned) then dies with the child instead of staying in the server.
import { PGlite } from "@electric-sql/pglite";

const dir = process.argv[2];
if (!dir) throw new Error("usage: initPgliteDir.mjs <dataDir>");
const db = await PGlite.create(dir);
await db.close();
