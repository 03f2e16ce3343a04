import { describe, expect, it } from 'vitest';
import type { ArticleStreamEntry, ArticleVersionRef } from '../../../events/article-stream-record';
import { STAGES } from '../../../shared/domain/lifecycle';
import { routeArticleStream, StreamBatchFailedError } from '../../../shared/use-cases/route-article-stream';

const entry = (id: string, stage: string, sequenceNumber: string): ArticleStreamEntry => ({
  ref: { id, version: 1 },
  stage,
  sequenceNumber,
  image: { id: { S: id }, version: { N: '1' }, stage: { S: stage } },
});

/** Routes that record what they were given and fail for the ids in `failing`. */
function recordingRoutes(failing: { render?: boolean; notify?: readonly string[] } = {}) {
  const rendered: ArticleVersionRef[][] = [];
  const notified: string[] = [];
  return {
    rendered,
    notified,
    routes: {
      render: async (refs: readonly ArticleVersionRef[]) => {
        rendered.push([...refs]);
        if (failing.render) throw new Error('site bucket down');
      },
      notify: async ({ ref }: ArticleStreamEntry) => {
        notified.push(ref.id);
        if (failing.notify?.includes(ref.id)) throw new Error('SNS refused');
      },
    },
  };
}

describe('routeArticleStream', () => {
  it('renders the render-stage heads of a batch once, together, and alerts each notify-stage head', async () => {
    const { routes, rendered, notified } = recordingRoutes();
    const failed = await routeArticleStream(routes, [
      entry('a', STAGES.render, '1'),
      entry('b', STAGES.notify, '2'),
      entry('c', STAGES.render, '3'),
      entry('d', STAGES.notify, '4'),
    ]);
    expect(failed).toEqual([]);
    expect(rendered).toEqual([
      [
        { id: 'a', version: 1 },
        { id: 'c', version: 1 },
      ],
    ]);
    expect(notified.sort()).toEqual(['b', 'd']);
  });

  it('reports every render record when the render fails, and the alerts still go out', async () => {
    const { routes, notified } = recordingRoutes({ render: true });
    const failed = await routeArticleStream(routes, [entry('a', STAGES.render, '1'), entry('b', STAGES.notify, '2'), entry('c', STAGES.render, '3')]);
    expect(failed.sort()).toEqual(['1', '3']);
    expect(notified).toEqual(['b']);
  });

  it('reports only the alert that failed', async () => {
    const { routes } = recordingRoutes({ notify: ['b'] });
    const failed = await routeArticleStream(routes, [entry('a', STAGES.render, '1'), entry('b', STAGES.notify, '2'), entry('d', STAGES.notify, '4')]);
    expect(failed).toEqual(['2']);
  });

  it('reports a record at a stage neither job takes', async () => {
    const { routes } = recordingRoutes();
    expect(await routeArticleStream(routes, [entry('a', STAGES.done, '1'), entry('b', STAGES.notify, '2')])).toEqual(['1']);
  });

  it('throws the error of a batch that failed whole, so the mapping bisects it', async () => {
    const { routes } = recordingRoutes({ render: true });
    await expect(routeArticleStream(routes, [entry('a', STAGES.render, '1'), entry('c', STAGES.render, '3')])).rejects.toThrow('site bucket down');
    const both = recordingRoutes({ render: true, notify: ['b'] });
    await expect(routeArticleStream(both.routes, [entry('a', STAGES.render, '1'), entry('b', STAGES.notify, '2')])).rejects.toBeInstanceOf(
      StreamBatchFailedError,
    );
  });

  it('does nothing for an empty batch', async () => {
    const { routes, rendered, notified } = recordingRoutes();
    expect(await routeArticleStream(routes, [])).toEqual([]);
    expect([rendered, notified]).toEqual([[], []]);
  });
});
