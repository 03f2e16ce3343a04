/** Thrown by {@link LinkifyOff}: the bundles leave out `linkify-it`. */
export class LinkifyNotBundledError extends Error {
  constructor(method: string) {
    super(`linkify-it is not bundled (LinkifyIt#${method}): markdownParser runs with linkify off; see shared/domain/text/linkify-off.ts`);
    this.name = 'LinkifyNotBundledError';
  }
}

/**
 * What markdown-it gets for `linkify-it` in the function bundles
 * (`PIPELINE_BUNDLING` aliases the package to this module). The site's parser
 * runs with `linkify: false` (`markdownParser`), and markdown-it then only
 * constructs its `LinkifyIt` and never calls it; the real one compiles its
 * Unicode URL patterns when constructed, at every cold start. A call, which
 * only `linkify: true` makes, throws {@link LinkifyNotBundledError}.
 */
export default class LinkifyOff {
  /** @throws LinkifyNotBundledError */
  test(): never {
    throw new LinkifyNotBundledError('test');
  }

  /** @throws LinkifyNotBundledError */
  pretest(): never {
    throw new LinkifyNotBundledError('pretest');
  }

  /** @throws LinkifyNotBundledError */
  match(): never {
    throw new LinkifyNotBundledError('match');
  }

  /** @throws LinkifyNotBundledError */
  matchAtStart(): never {
    throw new LinkifyNotBundledError('matchAtStart');
  }
}
