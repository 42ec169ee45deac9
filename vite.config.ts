import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    // Two pages: the Teams tab / browser app, and the Outlook task pane (the manifest's runtime page).
    rolldownOptions: { input: { main: "index.html", outlook: "outlook.html" } },
  },
  server: { port: 5173, proxy: { "/api": "http://127.0.0.1:53000" } },
});
