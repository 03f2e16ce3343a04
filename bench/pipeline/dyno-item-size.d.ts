declare module 'dyno-item-size' {
  /** The size DynamoDB counts for an item (attribute names and values, in bytes), from its plain-JavaScript form. */
  export default function dynoItemSize(item: Record<string, unknown>): number;
}
