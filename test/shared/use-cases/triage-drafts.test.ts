import { describe, expect, it } from 'vitest';
import type { DraftLane, DraftLanes } from '../../../shared/ports/draft-lanes';
import { triageDrafts } from '../../../shared/use-cases/triage-drafts';
import { createMemoryDraftBucket } from '../../support/in-memory/ports';

function recordingLanes(): DraftLanes & { readonly sent: Array<{ lane: DraftLane; bodies: readonly string[] }> } {
  const sent: Array<{ lane: DraftLane; bodies: readonly string[] }> = [];
  return {
    sent,
    async send(lane, bodies) {
      if (bodies.length > 0) sent.push({ lane, bodies });
    },
  };
}

const upload = (id: string, key: string) => ({ id, body: `body-${id}`, events: [{ key, removed: false }] });

describe('triageDrafts', () => {
  it('sends breaking uploads to the priority lane first and everything else to the bulk lane, bodies unchanged', async () => {
    const drafts = createMemoryDraftBucket();
    drafts.put('drafts/quiet.md', '---\ntitle: Quiet\n---\nBody');
    drafts.put('drafts/urgent.md', '---\ntitle: Urgent\nbreaking: true\n---\nBody');
    const lanes = recordingLanes();
    const result = await triageDrafts({ drafts, lanes }, [
      upload('1', 'drafts/quiet.md'),
      upload('2', 'drafts/urgent.md'),
      { id: '3', body: 'body-3', events: [{ key: 'drafts/urgent.md', removed: true }] },
      upload('4', 'drafts/gone.md'),
      upload('5', 'previews/urgent.md'),
    ]);
    expect(lanes.sent).toEqual([
      { lane: 'priority', bodies: ['body-2'] },
      { lane: 'bulk', bodies: ['body-1', 'body-3', 'body-4', 'body-5'] },
    ]);
    expect(result.failed).toEqual([]);
  });

  it('fails only the message whose draft cannot be read', async () => {
    const drafts = createMemoryDraftBucket();
    drafts.put('drafts/quiet.md', '---\ntitle: Quiet\n---\nBody');
    const broken = {
      ...drafts,
      read: async (key: string, max: number) => (key === 'drafts/broken.md' ? Promise.reject(new Error('S3 down')) : drafts.read(key, max)),
    };
    const lanes = recordingLanes();
    const result = await triageDrafts({ drafts: broken, lanes }, [upload('1', 'drafts/quiet.md'), upload('2', 'drafts/broken.md')]);
    expect(result.failed).toEqual(['2']);
    expect(lanes.sent).toEqual([{ lane: 'bulk', bodies: ['body-1'] }]);
  });
});
