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
