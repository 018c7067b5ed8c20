import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The compiled GOV.UK and MOJ stylesheets point at `/assets/...`, which only works when their assets
 * are copied to the site root. Point them at the package's own files instead (relative to the stylesheet) so Vite fingerprints
 * and emits them. GDS Transport is licensed for GOV.UK services only; Muster is not on GOV.UK, so
 * the stylesheet falls back to Arial (as the design system tells services off GOV.UK to do) and no
 * web font is downloaded at all.
 */
function designSystemAssets(): Plugin {
  return {
    name: 'muster:design-system-assets',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!file.endsWith('govuk-frontend.min.css') && !file.endsWith('moj-frontend.min.css')) return null;
      const out = code
        .replace(/@font-face\{[^}]*\}/g, '')
        // Old Internet Explorer hacks (`@media screen\0`, `(min-width:0\0)`) that Lightning CSS rightly refuses to parse.
        .replace(/@media [^{]*\\0[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '')
        // MOJ Frontend 5.2 ships `calc(var(.75em)*2)` in .moj-scrollable-pane, which is not CSS.
        .replaceAll('var(.75em)', '.75em')
        .replaceAll('"GDS Transport",', '')
        .replace(/url\(\/assets\//g, 'url(./assets/');
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  plugins: [designSystemAssets(), react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/trpc': 'http://127.0.0.1:3200' },
  },
});
