/**
 * Request handler settings for a new connection per request instead of an idle
 * kept-alive one. For requests sent once: a socket the server has since closed,
 * or one a Lambda instance frozen between invocations has let go stale, answers
 * with ECONNRESET, and a request sent once cannot tell whether it got through.
 */
export const FRESH_CONNECTIONS = { httpAgent: { keepAlive: false }, httpsAgent: { keepAlive: false } } as const;
