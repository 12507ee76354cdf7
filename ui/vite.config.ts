import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { fileURLToPath } from "node:url";

// The repository root: the UI imports the Fluent catalogues from ../assets/i18n.
const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  plugins: [svelte()],
  // Tauri serves the built files from its own origin; relative URLs keep them working
  // from any base, including the static server used by the browser tests.
  base: "./",
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    fs: { allow: [repoRoot] },
  },
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // pdf.js's worker is a module: emitted as .js, so every server (Tauri's asset
        // protocol, the test host) sends it as JavaScript.
        assetFileNames: (asset: { names?: string[] }) =>
          asset.names?.[0]?.endsWith(".mjs") ? "assets/[name]-[hash].js" : "assets/[name]-[hash][extname]",
      },
    },
  },
});
