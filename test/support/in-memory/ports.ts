import type { DraftBucket, DraftRead } from '../../../shared/ports/draft-bucket';
import type { PublishScheduler } from '../../../shared/ports/publish-scheduler';
import type { SiteAssets, SiteBucket } from '../../../shared/ports/site-bucket';
import type { TopicMessage, TopicPublisher } from '../../../shared/ports/topic-publisher';
import type { RenderedFile, SiteAsset } from '../../../shared/domain/render';

/** A drafts bucket in memory: objects by key, and the JSON documents (reports) written. */
export function createMemoryDraftBucket(): DraftBucket & {
  readonly objects: Map<string, Uint8Array>;
  readonly documents: Map<string, unknown>;
  put(key: string, body: string): void;
} {
  const objects = new Map<string, Uint8Array>();
  const documents = new Map<string, unknown>();
  return {
    objects,
    documents,
    put: (key, body) => void objects.set(key, new TextEncoder().encode(body)),
    async read(key, maxBytes): Promise<DraftRead> {
      const bytes = objects.get(key);
      if (!bytes) return { kind: 'missing' };
      return bytes.byteLength > maxBytes ? { kind: 'too-large', size: bytes.byteLength } : { kind: 'read', bytes };
    },
    async writeJson(key, document) {
      documents.set(key, JSON.parse(JSON.stringify(document)));
    },
  };
}

/** A topic that records what it was sent, failing the first `failures` publishes with `error()` (SNS being down). */
export function createRecordingTopic(
  failures = 0,
  error: () => Error = () => new Error('SNS unavailable'),
): TopicPublisher & { readonly sent: TopicMessage[] } {
  const sent: TopicMessage[] = [];
  let remaining = failures;
  return {
    sent,
    async publish(message) {
      if (remaining-- > 0) throw error();
      sent.push(message);
      return `m-${sent.length}`;
    },
  };
}

/** A scheduler that keeps one pending schedule per article, as the adapter's named schedules do. */
export function createMemoryScheduler(): PublishScheduler & { readonly pending: Map<string, { version: number; at: string }> } {
  const pending = new Map<string, { version: number; at: string }>();
  return {
    pending,
    schedule: async (articleId, version, at) => void pending.set(articleId, { version, at }),
    cancel: async (articleId) => void pending.delete(articleId),
  };
}

/** A site bucket that keeps every file and asset written, in order. */
export function createMemorySiteBucket(): SiteBucket & SiteAssets & { readonly written: RenderedFile[]; readonly assets: SiteAsset[] } {
  const written: RenderedFile[] = [];
  const assets: SiteAsset[] = [];
  return { written, assets, write: async (files) => void written.push(...files), writeAsset: async (asset) => void assets.push(asset) };
}
