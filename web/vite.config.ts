import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The app is served by the Chorus server at `/` (same origin as the API); `npm run dev` proxies the
// API and the sockets to a server on port 8000.
const backend = process.env.CHORUS_BACKEND ?? "http://localhost:8000";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      "/ws": { target: backend.replace(/^http/, "ws"), ws: true },
      "/socket.io": { target: backend, ws: true },
      "^/(api|rooms|search|get_video_url|heartbeat|health|openapi.json|docs)": backend,
    },
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    environment: "node",
  },
});
