/**
 * zod for everything that ships in a Lambda: `zod/mini`, whose functional API
 * lets esbuild drop what a bundle does not use (classic zod's chained methods
 * keep ~95 KB in every bundle), with the English messages classic zod installs
 * by itself: editors read them in draft reports. Import it as
 * `import * as z from '<path>/events/zod'`.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
