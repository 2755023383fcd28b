import { defineConfig } from "vite";

// Built into web/dist, which `kiemdem serve` serves from the same origin as the API.
// JSX is Preact's (tsconfig.json: jsxImportSource).
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
  test: { include: ["src/**/*.test.ts"] },
});
