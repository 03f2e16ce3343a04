import { BedrockRuntime, ConverseCommand, type ConverseCommandInput, type ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { BedrockTakeawaysReplyError, createBedrockTakeawayProvider } from '../../../shared/adapters/bedrock-takeaways';
import type { TakeawayInput } from '../../../shared/domain/takeaways';

const article: TakeawayInput = {
  title: 'Council approves $2.4bn budget',
  dek: 'Transport spending rises by a fifth.',
  body: 'The city council approved a **$2.4bn budget** on Tuesday.\n\nMayor Alice Moreno said the plan adds 40 bus routes.',
  language: 'en',
};

const MODEL_ID = 'eu.amazon.nova-lite-v1:0';

/** A Bedrock Runtime client whose Converse calls get `replyText` as the model's answer; nothing here reaches AWS. */
function fakeBedrock(replyText: string): { client: BedrockRuntime; requests: ConverseCommandInput[] } {
  const requests: ConverseCommandInput[] = [];
  const client = new BedrockRuntime({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      if (context.commandName !== ConverseCommand.name) throw new Error(`unexpected ${context.commandName}`);
      requests.push(args.input as ConverseCommandInput);
      const output: ConverseCommandOutput = {
        $metadata: {},
        output: { message: { role: 'assistant', content: [{ text: replyText }] } },
        stopReason: 'end_turn',
        usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
        metrics: { latencyMs: 1 },
      };
      return { output, response: {} } as never;
    },
    { step: 'initialize', name: 'fakeConverse' },
  );
  return { client, requests };
}

const signal = new AbortController().signal;
const takeaways = ['The council approved a $2.4bn budget.', 'The plan adds 40 bus routes.', 'Alice Moreno is the mayor.'];

describe('createBedrockTakeawayProvider', () => {
  it("returns the takeaways of the model's JSON array", async () => {
    const { client } = fakeBedrock(JSON.stringify(takeaways));
    const provider = createBedrockTakeawayProvider({ client, modelId: MODEL_ID });
    await expect(provider.generate(article, { signal })).resolves.toEqual(takeaways);
  });

  it('accepts the array inside a Markdown code fence', async () => {
    const { client } = fakeBedrock(`Here they are:\n\`\`\`json\n${JSON.stringify(takeaways)}\n\`\`\``);
    const provider = createBedrockTakeawayProvider({ client, modelId: MODEL_ID });
    await expect(provider.generate(article, { signal })).resolves.toEqual(takeaways);
  });

  it('sends the model id and the article text, without Markdown, to the Converse API', async () => {
    const { client, requests } = fakeBedrock(JSON.stringify(takeaways));
    await createBedrockTakeawayProvider({ client, modelId: MODEL_ID }).generate(article, { signal });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.modelId).toBe(MODEL_ID);
    const prompt = requests[0]!.messages?.[0]?.content?.map((block) => block.text ?? '').join('') ?? '';
    expect(prompt).toContain(article.title);
    expect(prompt).toContain(article.dek);
    expect(prompt).toContain('The city council approved a $2.4bn budget on Tuesday.');
    expect(prompt).toContain('Mayor Alice Moreno said the plan adds 40 bus routes.');
  });

  it('rejects a reply that holds no JSON array', async () => {
    const { client } = fakeBedrock('The council approved a budget. The mayor is pleased.');
    const provider = createBedrockTakeawayProvider({ client, modelId: MODEL_ID });
    await expect(provider.generate(article, { signal })).rejects.toBeInstanceOf(BedrockTakeawaysReplyError);
  });

  it('rejects a JSON array that is not a list of non-empty strings', async () => {
    const { client } = fakeBedrock('[{"takeaway": "The council approved a budget."}, ""]');
    const provider = createBedrockTakeawayProvider({ client, modelId: MODEL_ID });
    await expect(provider.generate(article, { signal })).rejects.toThrow(/not a list of takeaways/);
  });

  it('rejects a cut-off array', async () => {
    const { client } = fakeBedrock('["The council approved a budget.", "The plan adds 40 bus ro]');
    const provider = createBedrockTakeawayProvider({ client, modelId: MODEL_ID });
    await expect(provider.generate(article, { signal })).rejects.toBeInstanceOf(BedrockTakeawaysReplyError);
  });
});
