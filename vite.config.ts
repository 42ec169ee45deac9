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

/** Where index.html's bootstrap, in a frame, takes what to load at once; the plugin below writes it in at build. */
const FRAMED_START_PLACEHOLDER = "{} /* callbook:framed-start */";

/**
 * Writes into index.html's inline bootstrap, in place of FRAMED_START_PLACEHOLDER, what a framed
 * page (a Teams tab) loads at once (issue 19, Teams mode): `{ start, preload }`, absolute paths of
 * hashed files. `start` is the "app-start" chunk (src/startup.ts and the host, API client and Teams
 * panel modules it needs, no UI), which the bootstrap imports so that teams-js's initialize and the
 * SSO token run while the rest of the bundle is on its way; `preload` are the teams-js chunks (the
 * dynamic import of src/host/teamsSdk.ts and what it imports, less what the page's entry already
 * loads), asked for with `<link rel="modulepreload">`. Runs before cspInlineScriptHashes, which
 * hashes the script as written. In dev the placeholder stays `{}`: nothing is loaded early.
 */
function framedStart(): Plugin {
  return {
    name: "callbook-framed-start",
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
      const start = [...chunks].find(([, c]) => !c.isEntry && c.name === "app-start")?.[0];
      if (!sdk || !start) this.error("no chunk for src/host/teamsSdk.ts or app-start: index.html cannot start early in a frame");
      // The page's entry (input "main") and its static imports: already asked for by the page itself.
      const entry = closure([...chunks].filter(([, c]) => c.isEntry && c.name === "main").map(([name]) => name));
      const framed = { start: `/${start}`, preload: [...closure([sdk])].filter((name) => !entry.has(name)).map((name) => `/${name}`) };
      for (const file of Object.values(bundle)) {
        if (file.type !== "asset" || file.fileName !== "index.html") continue;
        const html = typeof file.source === "string" ? file.source : new TextDecoder().decode(file.source);
        if (!html.includes(FRAMED_START_PLACEHOLDER)) this.error("index.html's bootstrap has no framed-start placeholder");
        file.source = html.replace(FRAMED_START_PLACEHOLDER, JSON.stringify(framed));
      }
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    framedStart(),
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
            // What the start needs and no UI (src/startup.ts: host, API client, the Teams panel's first
            // requests): framed, index.html's bootstrap imports it at once, so teams-js's initialize and
            // the SSO token run while React and Fluent are still on their way (issue 19, Teams mode).
            {
              name: "app-start",
              test: /[\\/]src[\\/](startup\.ts$|host[\\/](host|hostCapabilityError)\.ts$|api[\\/]|features[\\/]panel[\\/](teamsStart|dates[\\/]panelDates)\.ts$|features[\\/]config[\\/]teamsMeetingKey\.ts$)|[\\/]contracts[\\/]teamsMeetingLink\.ts$/,
            },
            { name: "app-shared", test: /[\\/]src[\\/](ui[\\/](states|explainError)\.tsx?$|features[\\/]panel[\\/]dates[\\/])/ },
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy: { "/api": "http://127.0.0.1:53000" } },
});
