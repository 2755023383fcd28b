import { defineConfig } from "vite";

// Built into web/dist, which `kiemdem serve` serves from the same origin as the API.
export default defineConfig({
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
