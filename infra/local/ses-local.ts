import type { Server } from 'node:http';
import sesLocal from 'aws-ses-v2-local';

/** A running aws-ses-v2-local. */
export interface SesLocal {
  /** The SES endpoint for `SESv2Client` and the mail viewer (`/`), with its JSON store at `/store`. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts aws-ses-v2-local on loopback: the SES v2 `SendEmail` API, a mail
 * viewer at `/` and the sent messages as JSON at `/store`. Differences from
 * SES, written down here: any credentials and From address are accepted (no
 * verified identities, no sandbox), no send-rate quota, configuration sets
 * and their event destinations are ignored (no bounce or complaint events:
 * tests feed those to the handler directly), and mail lives in memory, so it
 * is gone after a restart.
 */
export async function startSesLocal({ port = 0 }: { port?: number } = {}): Promise<SesLocal> {
  // A CommonJS module with `exports.default`: Node's ESM loader wraps it once more than bundlers do.
  const start = (typeof sesLocal === 'function' ? sesLocal : (sesLocal as unknown as { default: typeof sesLocal }).default) as typeof sesLocal;
  const server: Server = await start({ host: '127.0.0.1', port });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
