import type { ConverseCommandInput, ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import * as z from '../../events/zod';
import type { TakeawayInput } from '../domain/takeaways';
import { markdownToPlainParagraphs } from '../domain/text';
import type { TakeawayProvider } from '../ports/takeaway-provider';

/** The one Bedrock Runtime call the provider makes (a `BedrockRuntime` has it); type-only, so the SDK loads only where the client is made. */
export interface ConverseClient {
  converse(input: ConverseCommandInput, options: { readonly abortSignal?: AbortSignal }): Promise<ConverseCommandOutput>;
}

/** What the Bedrock takeaway provider needs. */
export interface BedrockTakeawayProviderProps {
  readonly client: ConverseClient;
  /** A model or inference-profile id that supports the Converse API, e.g. `eu.amazon.nova-lite-v1:0`. */
  readonly modelId: string;
  /** Most tokens the model may write. @default 800 */
  readonly maxTokens?: number;
}

/** The model's reply is not a JSON array of strings. */
export class BedrockTakeawaysReplyError extends Error {
  override readonly name = 'BedrockTakeawaysReplyError';
}

const SYSTEM_PROMPT = [
  'You write the Key Takeaways box of a news article.',
  'Write 3 to 5 takeaways. Each is one complete sentence of at most 200 characters, in the language of the article.',
  'Use only facts stated in the article: copy every number, name and place exactly as the article writes them, and add none that it does not contain.',
  'No two takeaways may say the same thing.',
  'Reply with a JSON array of strings and nothing else.',
].join('\n');

const replySchema = z.array(z.string().check(z.trim(), z.minLength(1))).check(z.minLength(1), z.maxLength(10));

/**
 * Key Takeaways written by a model on Amazon Bedrock through the Converse API (temperature 0).
 * The article's title, dek and body (as plain text) go in the user message; the reply must be a
 * JSON array of strings, optionally inside a Markdown code fence. The caller's abort signal
 * cancels the HTTP request. The list is not checked here: `chooseTakeaways` checks it against
 * the article and falls back to the extractive method.
 *
 * @throws BedrockTakeawaysReplyError when the reply is not a JSON array of 1–10 non-empty strings;
 *   any error of the Bedrock client (throttling, access denied, abort) as is.
 */
export function createBedrockTakeawayProvider(props: BedrockTakeawayProviderProps): TakeawayProvider {
  const maxTokens = props.maxTokens ?? 800;
  return {
    name: 'bedrock',
    async generate(input, { signal }) {
      const response = await props.client.converse(
        {
          modelId: props.modelId,
          system: [{ text: SYSTEM_PROMPT }],
          messages: [{ role: 'user', content: [{ text: articlePrompt(input) }] }],
          inferenceConfig: { maxTokens, temperature: 0 },
        },
        { abortSignal: signal },
      );
      const reply = (response.output?.message?.content ?? []).map((block) => block.text ?? '').join('');
      return parseReply(reply, response.stopReason);
    },
  };
}

function articlePrompt(input: TakeawayInput): string {
  return [
    `Language (BCP 47): ${input.language}`,
    '<article>',
    `Headline: ${input.title}`,
    ...(input.dek ? [`Standfirst: ${input.dek}`] : []),
    '',
    ...markdownToPlainParagraphs(input.body),
    '</article>',
  ].join('\n');
}

function parseReply(reply: string, stopReason: string | undefined): string[] {
  const start = reply.indexOf('[');
  const end = reply.lastIndexOf(']');
  if (start < 0 || end < start) {
    throw new BedrockTakeawaysReplyError(`The model's reply holds no JSON array (stop reason ${stopReason ?? 'unknown'}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(reply.slice(start, end + 1));
  } catch (error) {
    throw new BedrockTakeawaysReplyError(`The model's reply is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = replySchema.safeParse(json);
  if (!parsed.success) {
    throw new BedrockTakeawaysReplyError(`The model's reply is not a list of takeaways: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
