import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const web = fileURLToPath(new URL('./src/web/', import.meta.url));

/**
 * The web app: two HTML entries (the public portal at `/`, the staff app at `/staff/`) built
 * into dist/web, which the Fastify server serves. USWDS fonts and images referenced by the theme
 * CSS are copied into dist/web/assets by the build.
 */
export default defineConfig({
  root: web,
  base: '/',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist/web/', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        public: `${web}index.html`,
        staff: `${web}staff/index.html`,
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' },
  },
});
