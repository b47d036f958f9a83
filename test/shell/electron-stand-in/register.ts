/** `node --import <this> out/main/index.js`: installs resolve-hooks.ts for the stand-in run. */
import { register } from 'node:module';

register(new URL('./resolve-hooks.mjs', import.meta.url), {
  data: { standInUrl: new URL('./electron.mjs', import.meta.url).href },
});
