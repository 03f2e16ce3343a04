import { afterEach, describe, expect, it, vi } from 'vitest';
import { previewAddress } from '../../../shared/domain/publishing/preview';
import { edgeQueryString, loadViewerRequest, loadViewerResponse } from '../../../infra/local/edge-functions';
import { EDGE_METADATA, edgeMetadata } from '../../../shared/edge/edge-metadata';

const viewerRequest = loadViewerRequest();
const viewerResponse = loadViewerResponse();

/** The origin headers S3 sends for an object with this user metadata. */
const originHeaders = (metadata: Record<string, string>) =>
  Object.fromEntries(Object.entries(metadata).map(([name, value]) => [`x-amz-meta-${name}`, { value }]));

describe('viewer-request function', () => {
  it('serves a directory path from its index.html', () => {
    expect(viewerRequest('/articles/some-story/')).toEqual({ uri: '/articles/some-story/index.html' });
  });

  it('redirects a path without a trailing slash permanently', () => {
    expect(viewerRequest('/articles/some-story')).toEqual({
      statusCode: 301,
      headers: { location: { value: '/articles/some-story/' } },
    });
  });

  it('keeps the query string when it redirects', () => {
    expect(viewerRequest('/sections/world', edgeQueryString('utm_source=rss&page=2&page=3'))).toEqual({
      statusCode: 301,
      headers: { location: { value: '/sections/world/?utm_source=rss&page=2&page=3' } },
    });
  });

  it.each(['//evil.example.com/x', '/\\evil.example.com/x', '///evil.example.com/x', '/\\/evil.example.com/x'])(
    'never redirects %s to another host',
    (uri) => {
      const result = viewerRequest(uri);
      expect(result).toEqual({ statusCode: 301, headers: { location: { value: '/evil.example.com/x/' } } });
    },
  );

  describe('on a preview address', () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    const now = new Date('2026-12-01T10:00:00.000Z');
    const address = previewAddress(now, new Uint8Array(16).fill(1));

    it('serves it until it expires', () => {
      vi.useFakeTimers({ now: Date.parse(address.expiresAt) - 1000 });
      expect(viewerRequest(address.path)).toEqual({ uri: `${address.path}index.html` });
    });

    it('answers 410 Gone, never cached, once it has expired', () => {
      vi.useFakeTimers({ now: Date.parse(address.expiresAt) });
      expect(viewerRequest(address.path)).toEqual({ statusCode: 410, headers: { 'cache-control': { value: 'no-store' } } });
      expect(viewerRequest(`${address.path}index.html`)).toMatchObject({ statusCode: 410 });
    });
  });

  it('leaves file paths alone', () => {
    expect(viewerRequest('/assets/site.0a1b2c3d.css')).toEqual({ uri: '/assets/site.0a1b2c3d.css' });
  });
});

describe('viewer-response function', () => {
  it('turns a moved page into a permanent redirect to its new path', () => {
    const result = viewerResponse(200, originHeaders(edgeMetadata({ status: 301, location: '/articles/new/' })));
    expect(result.statusCode).toBe(301);
    expect(result.headers.location).toEqual({ value: '/articles/new/' });
  });

  it('answers a withdrawn page with 410 Gone and keeps its body', () => {
    const result = viewerResponse(200, { ...originHeaders(edgeMetadata({ status: 410 })), 'content-type': { value: 'text/html' } });
    expect(result.statusCode).toBe(410);
    expect(result.headers['content-type']).toEqual({ value: 'text/html' });
  });

  it('does not leak the metadata headers to readers', () => {
    const result = viewerResponse(200, originHeaders(edgeMetadata({ status: 410 })));
    expect(Object.keys(result.headers)).not.toContain(`x-amz-meta-${EDGE_METADATA.status}`);
  });

  it('passes an ordinary page through unchanged', () => {
    expect(viewerResponse(200, { 'content-type': { value: 'text/html' } })).toEqual({
      statusCode: 200,
      headers: { 'content-type': { value: 'text/html' } },
    });
  });
});
