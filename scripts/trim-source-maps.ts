/** `tsx scripts/trim-source-maps.ts DIR`: trims the source maps of a function's bundle (see `PIPELINE_BUNDLING`). */
import { trimSourceMapsIn } from '../infra/constructs/trim-source-maps';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: tsx scripts/trim-source-maps.ts DIR');
trimSourceMapsIn(dir);
