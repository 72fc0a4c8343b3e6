import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * The browser client. `npm run build` writes it to dist/client, which the game server serves on its
 * own port. For hot reload, run the server and `npx vite --config client/vite.config.ts` with
 * VITE_SERVER_URL=http://localhost:<server port>.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: fileURLToPath(new URL('../assets', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: { port: 5173 },
});
