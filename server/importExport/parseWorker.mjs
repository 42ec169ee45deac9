// The worker thread's entry: loads the TypeScript reader through tsx (the server runs on tsx),
// whatever loader the parent thread has.
import { tsImport } from "tsx/esm/api";

await tsImport("./parseWorkerMain.ts", import.meta.url);
