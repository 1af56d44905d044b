import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is one static bundle: loaded from app:// in Electron and from the local web host in a
// browser, so every asset URL is relative (base './').
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    strictPort: false,
  },
});
