import { pageOf, topicArnFor, type ActionHandler } from './action-context';
import { invalidParameter } from './sns-api-error';
import { el, members } from './xml-response';

const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;

/** CreateTopic: idempotent by name; FIFO topics are refused. */
export const createTopic: ActionHandler = async (params, context) => {
  const name = params.require('Name');
  const fifo = name.endsWith('.fifo') || params.map('Attributes').get('FifoTopic') === 'true';
  if (fifo) throw invalidParameter('FIFO topics are not supported by the local SNS endpoint');
  if (!TOPIC_NAME.test(name)) {
    throw invalidParameter('Topic Name must be 1 to 256 ASCII letters, numbers, hyphens or underscores');
  }
  const arn = topicArnFor(name);
  const { topics } = context.store.state;
  if (!topics.some((t) => t.arn === arn)) {
    topics.push({ arn, name });
    await context.store.save();
  }
  return [el('TopicArn', arn)];
};

/** ListTopics, 100 per page. */
export const listTopics: ActionHandler = async (params, context) => {
  const page = pageOf(context.store.state.topics, params.get('NextToken'));
  return [
    el(
      'Topics',
      members(page.items, (t) => [el('TopicArn', t.arn)]),
    ),
    el('NextToken', page.nextToken),
  ];
};

/** DeleteTopic, with its subscriptions; deleting an absent topic succeeds, as on AWS. */
export const deleteTopic: ActionHandler = async (params, context) => {
  const arn = params.require('TopicArn');
  const { state } = context.store;
  if (!state.topics.some((t) => t.arn === arn)) return undefined;
  state.topics = state.topics.filter((t) => t.arn !== arn);
  state.subscriptions = state.subscriptions.filter((s) => s.topicArn !== arn);
  await context.store.save();
  return undefined;
};
