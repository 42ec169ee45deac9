import { createHash } from "node:crypto";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { compression } from "vite-plugin-compression2";

/**
 * Writes csp-hashes.json beside the built pages: the CSP source ('sha256-<base64>') of every inline
 * <script> in them (index.html's data bootstrap), hashed over the exact bytes served, so the page
 * stays static and cacheable and the CSP needs no 'unsafe-inline' nor a per-request nonce. Read by
 * server/http/webAssets.ts (inlineScriptHashes). Hash rule: CSP Level 3, "hash-source".
 */
function cspInlineScriptHashes(): Plugin {
  return {
    name: "callbook-csp-inline-script-hashes",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      const hashes = new Set<string>();
      for (const file of Object.values(bundle)) {
        if (file.type !== "asset" || !file.fileName.endsWith(".html")) continue;
        const html = typeof file.source === "string" ? file.source : new TextDecoder().decode(file.source);
        for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
          hashes.add(`'sha256-${createHash("sha256").update(m[1] ?? "", "utf8").digest("base64")}'`);
        }
      }
      this.emitFile({ type: "asset", fileName: "csp-hashes.json", source: `${JSON.stringify([...hashes])}\n` });
    },
  };
}

/** Where index.html's bootstrap takes the teams-js chunks' names; the plugin below writes them in at build. */
const TEAMS_CHUNKS_PLACEHOLDER = "[] /* callbook:teams-chunks */";

/**
 * Writes into index.html's inline bootstrap the files of the teams-js chunks (the dynamic import of
 * src/host/teamsSdk.ts and what it imports, less what the page's entry already loads), as absolute
 * paths in place of TEAMS_CHUNKS_PLACEHOLDER: a framed page asks for them with its first-paint
 * scripts (`<link rel="modulepreload">`, issue 19) instead of once the bundle has run. Runs before
 * cspInlineScriptHashes, which hashes the script as written. Left empty in dev (no hashed files).
 */
function teamsChunkPreload(): Plugin {
  return {
    name: "callbook-teams-chunk-preload",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      const chunks = new Map<string, { name: string; imports: string[]; facadeModuleId: string | null; isEntry: boolean }>();
      for (const file of Object.values(bundle)) if (file.type === "chunk") chunks.set(file.fileName, file);
      const closure = (start: string[]): Set<string> => {
        const seen = new Set<string>();
        const visit = (name: string) => {
          if (seen.has(name)) return;
          seen.add(name);
          for (const dep of chunks.get(name)?.imports ?? []) visit(dep);
        };
        start.forEach(visit);
        return seen;
      };
      const sdk = [...chunks].find(([, c]) => c.facadeModuleId?.replace(/\\/g, "/").endsWith("/src/host/teamsSdk.ts"))?.[0];
      if (!sdk) this.error("no chunk for src/host/teamsSdk.ts: index.html cannot preload teams-js");
      // The page's entry (input "main") and its static imports: already asked for by the page itself.
      const entry = closure([...chunks].filter(([, c]) => c.isEntry && c.name === "main").map(([name]) => name));
      const files = [...closure([sdk])].filter((name) => !entry.has(name)).map((name) => `/${name}`);
      for (const file of Object.values(bundle)) {
        if (file.type !== "asset" || file.fileName !== "index.html") continue;
        const html = typeof file.source === "string" ? file.source : new TextDecoder().decode(file.source);
        if (!html.includes(TEAMS_CHUNKS_PLACEHOLDER)) this.error("index.html's bootstrap has no teams-chunks placeholder");
        file.source = html.replace(TEAMS_CHUNKS_PLACEHOLDER, JSON.stringify(files));
      }
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    teamsChunkPreload(),
    cspInlineScriptHashes(),
    // Brotli and gzip twins of the hashed assets, served with Content-Encoding by express-static-gzip.
    compression({ algorithms: ["brotliCompress", "gzip"], include: /\.(js|css|svg)$/, threshold: 1024 }),
  ],
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    // Two pages: the Teams tab / browser app, and the Outlook task pane (the manifest's runtime page).
    rolldownOptions: {
      input: { main: "index.html", outlook: "outlook.html" },
      output: {
        // Named vendor chunks (issue 12), only for what travels as a whole: React (every page) and
        // teams-js with its debug logger (loaded only inside a frame, src/host/host.ts). Fluent stays
        // split by use, so a page preloads only the components it renders.
        codeSplitting: {
          groups: [
            { name: "react", test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: "teams-js", test: /[\\/]node_modules[\\/](@microsoft[\\/]teams-js|debug|ms)[\\/]/ },
            // The Fluent base and the app's own shared modules the first paint needs, as one file each:
            // left to themselves they are ten small shared chunks, and 16 scripts queue behind the
            // bootstrap's three data requests on HTTP/1.1's six connections (compareSidePanel, 16
            // rounds: load 1.12× of 84a1a46 with 16 files, 1.07–1.08× with 6; JS 157 KB either way).
            { name: "fluent-base", test: /[\\/]node_modules[\\/](@fluentui[\\/](react-jsx-runtime|react-utilities|react-text|react-label|react-shared-contexts|react-theme|tokens|react-provider|react-button|react-aria|keyboard-keys|react-spinner)|@griffel)[\\/]/ },
            { name: "app-shared", test: /[\\/]src[\\/](api[\\/]|ui[\\/](states|explainError)\.tsx?$|host[\\/]hostCapabilityError\.ts$|features[\\/]panel[\\/]dates[\\/])/ },
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy: { "/api": "http://127.0.0.1:53000" } },
});
