/** A message for an SNS topic. */
export interface TopicMessage {
  readonly subject: string;
  /** A plain message, or per-protocol forms sent with `MessageStructure: 'json'`. */
  readonly message: string | Readonly<Record<string, string>>;
  /** Message attributes; arrays become `String.Array`, booleans `String`. */
  readonly attributes?: Readonly<Record<string, string | boolean | readonly string[]>>;
}

/** Publishes to one SNS topic. */
export interface TopicPublisher {
  /** Publishes and returns the SNS message id. */
  publish(message: TopicMessage): Promise<string>;
}

/**
 * The topic certainly did not take the message: SNS answered with a client
 * error on the only attempt, or the connection was refused. Any other failure
 * of `publish` (a timeout, a server error, a dropped connection) leaves it
 * unknown whether the message went out.
 */
export class PublishRejectedError extends Error {
  override readonly name = 'PublishRejectedError';
}
