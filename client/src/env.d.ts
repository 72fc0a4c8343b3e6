/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the game server listens, when the page is not served by it (vite dev). */
  readonly VITE_SERVER_URL?: string;
}
