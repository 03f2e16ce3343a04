import { describe, expect, it } from 'vitest';
import { generateTakeaways } from '../../../shared/domain/takeaways';
import { chooseTakeaways, type ChooseTakeawaysInput } from '../../../shared/use-cases/takeaway-provider';
import type { TakeawayProvider } from '../../../shared/ports/takeaway-provider';

const draft: ChooseTakeawaysInput['draft'] = {
  title: 'Council approves $2.4bn budget',
  body: [
    'The city council approved a $2.4bn budget on Tuesday that raises spending on public transport by a fifth.',
    '',
    'Mayor Alice Moreno said the plan would add 40 new bus routes and extend the light rail line to the airport by 2027.',
    '',
    'Ridership is expected to grow by 15% within two years, and children under 12 will travel free from January.',
    '',
    'Councillor James Ortiz said the reserve would fall below the level recommended by the state auditor.',
  ].join('\n'),
  language: 'en',
};

const groundedList = [
  'The council approved a $2.4bn budget on Tuesday.',
  'Mayor Alice Moreno plans 40 new bus routes by 2027.',
  'Ridership is expected to grow by 15% within two years.',
];

/** A Bedrock-like provider that answers with `reply` and counts its calls. */
function fakeProvider(reply: (signal: AbortSignal) => Promise<string[]>): TakeawayProvider & { calls: AbortSignal[] } {
  const calls: AbortSignal[] = [];
  return {
    name: 'bedrock',
    calls,
    generate: (_input, { signal }) => {
      calls.push(signal);
      return reply(signal);
    },
  };
}

describe('chooseTakeaways', () => {
  it("uses the editor's takeaways without asking the provider", async () => {
    const provider = fakeProvider(async () => groundedList);
    const editors = ['The editor wrote this.', 'And this.', 'And this too.'];
    const choice = await chooseTakeaways({ draft: { ...draft, takeaways: editors }, provider });
    expect(choice).toEqual({ takeaways: editors, source: 'editor' });
    expect(provider.calls).toHaveLength(0);
  });

  it('uses the extractive method when no provider is configured', async () => {
    const choice = await chooseTakeaways({ draft });
    expect(choice).toEqual({ takeaways: generateTakeaways(draft), source: 'extractive' });
  });

  it("uses the provider's grounded takeaways and records the provider as their source", async () => {
    const choice = await chooseTakeaways({ draft, provider: fakeProvider(async () => groundedList) });
    expect(choice).toEqual({ takeaways: groundedList, source: 'bedrock' });
  });

  it('rejects a provider takeaway with a number not in the body and falls back to the extractive method', async () => {
    const invented = ['The council approved a $3.1bn budget on Tuesday.', ...groundedList.slice(1)];
    const choice = await chooseTakeaways({ draft, provider: fakeProvider(async () => invented) });
    expect(choice.source).toBe('extractive');
    expect(choice.takeaways).toEqual(generateTakeaways(draft));
    expect(choice.fallbackReason).toContain('the number 3.1 is not in the article');
  });

  it('falls back to the extractive method when the provider fails', async () => {
    const provider = fakeProvider(async () => {
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    });
    const choice = await chooseTakeaways({ draft, provider });
    expect(choice.source).toBe('extractive');
    expect(choice.takeaways).toEqual(generateTakeaways(draft));
    expect(choice.fallbackReason).toBe('The bedrock provider failed: ThrottlingException: Rate exceeded');
  });

  it('falls back to the extractive method and aborts the request when the provider never answers', async () => {
    const provider = fakeProvider(() => new Promise<string[]>(() => {}));
    const choice = await chooseTakeaways({ draft, provider, timeoutMs: 10 });
    expect(choice.source).toBe('extractive');
    expect(choice.takeaways).toEqual(generateTakeaways(draft));
    expect(choice.fallbackReason).toBe('The bedrock provider gave no answer within 10 ms.');
    expect(provider.calls[0]?.aborted).toBe(true);
  });
});
