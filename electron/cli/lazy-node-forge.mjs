// node-forge for the adbkit bundled into out/cli. adbkit requires it at load time only for its
// TCP-USB bridge and adb key parsing, which no `pushlab` command uses; loading it eagerly cost
// ~100 ms of every start. This stand-in loads the real package on first use.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let forge;
const real = () => (forge ??= require('node-forge'));
/** adbkit reads `forge.jsbn.BigInteger` at load: node-forge's small big-integer file alone. */
const cheap = { jsbn: () => require('node-forge/lib/jsbn') };

// adbkit reads it through `__importDefault(require("node-forge")).default`.
export const __esModule = true;
// eslint-disable-next-line import-x/no-default-export -- the shape adbkit's require() expects
export default new Proxy(
  {},
  {
    get: (_, key) => (forge === undefined && Object.hasOwn(cheap, key) ? cheap[key]() : real()[key]),
    has: (_, key) => key in real(),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  },
);
