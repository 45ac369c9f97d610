import { defineConfig } from 'vite';

// The console server (server/server.mjs) serves dist/ and forwards /api/*; `vite` alone (npm run dev) forwards
// /api, /config.json and /dev/token to a console server on :8080 started by ./confide up.
export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080', '/config.json': 'http://127.0.0.1:8080', '/dev': 'http://127.0.0.1:8080' },
  },
});
