import { defineConfig } from 'vite';

// The web application, served by the web host under /app (src/Workflow.Web/Infrastructure/WebApp.cs).
// React's JSX goes through esbuild's automatic runtime: no framework plugin needed.
export default defineConfig({
  base: '/app/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../wwwroot/app',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 3000,
    // Only what the first screen needs is preloaded; Form.io, bpmn-js, the calendar and the map load with their routes.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // React Query marks its modules "use client" for server-rendering frameworks; meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
