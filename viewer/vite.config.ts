import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const repo = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/viewer', import.meta.url));

/**
 * dist/viewer also receives the compiled replay module from `tsc` (bench/viewer.ts
 * imports it), so the folder is not emptied; only the old hashed assets go.
 */
function cleanAssets(): Plugin {
  return {
    name: 'hospital-twin:clean-assets',
    apply: 'build',
    async buildStart() {
      await rm(`${outDir}/assets`, { recursive: true, force: true });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), cleanAssets()],
  worker: { format: 'es' },
  // csv-parse's Node build uses Buffer; its browser build carries what it needs (calibration runs in a Web Worker).
  resolve: { alias: [{ find: /^csv-parse\/sync$/, replacement: 'csv-parse/browser/esm/sync' }] },
  server: { fs: { allow: [repo] } },
  build: { outDir, emptyOutDir: false, chunkSizeWarningLimit: 2000, sourcemap: false },
});
