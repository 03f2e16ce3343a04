import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { endpoints } from '../../support/local-stack-client';

/** The local addresses (hex, as the kernel writes them) of every TCP socket listening on `port`. */
async function listeningAddresses(port: number): Promise<string[]> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const addresses: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      const [, local = '', , state] = line.trim().split(/\s+/);
      const [address = '', socketPort] = local.split(':');
      if (state === '0A' && socketPort === hexPort) addresses.push(address);
    }
  }
  return addresses;
}

/** 127.0.0.1 in /proc/net/tcp, or as an IPv4-mapped or plain ::1 address in /proc/net/tcp6. */
const LOOPBACK = new Set(['0100007F', '0000000000000000FFFF00000100007F', '00000000000000000000000001000000']);

describe('local services', () => {
  it.each(['site', 's3', 'dynamodb', 'sns', 'scheduler'] as const)('%s listens on loopback only', async (service) => {
    const port = Number(new URL(endpoints()[service]).port);
    const addresses = await listeningAddresses(port);
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(LOOPBACK.has(address), `${service} bound to ${address}`).toBe(true);
  });
});
