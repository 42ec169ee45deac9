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

export default defineConfig({
  plugins: [
    react(),
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
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy: { "/api": "http://127.0.0.1:53000" } },
});
