import * as z from 'zod';
import type { SnsMessageAttributeValue } from './outbox';
import type { QueryParams } from './query-params';
import { SnsApiError } from './sns-api-error';

/** SNS quota: message attributes on one message. */
export const MAX_MESSAGE_ATTRIBUTES = 10;

const DATA_TYPE = /^(String|Number|Binary)(\.[A-Za-z0-9_.-]{1,256})?$/;

function invalidValue(message: string): SnsApiError {
  return new SnsApiError('ParameterValueInvalid', message);
}

/**
 * Reads and validates `MessageAttributes.entry.N.{Name,Value.DataType,Value.StringValue,Value.BinaryValue}`.
 * @throws SnsApiError ParameterValueInvalid (the SDK's InvalidParameterValueException) for a bad attribute.
 */
export function readMessageAttributes(params: QueryParams): Record<string, SnsMessageAttributeValue> {
  const items = params.items('MessageAttributes', 'entry');
  if (items.length > MAX_MESSAGE_ATTRIBUTES) {
    throw invalidValue(`Number of message attributes [${items.length}] exceeds the allowed maximum [${MAX_MESSAGE_ATTRIBUTES}].`);
  }
  const attributes: Record<string, SnsMessageAttributeValue> = {};
  for (const item of items) {
    const name = item.require('Name');
    const dataType = item.require('Value.DataType');
    const stringValue = item.get('Value.StringValue');
    const binaryValue = item.get('Value.BinaryValue');
    checkAttribute(name, dataType, stringValue, binaryValue);
    attributes[name] = {
      DataType: dataType,
      ...(stringValue === undefined ? {} : { StringValue: stringValue }),
      ...(binaryValue === undefined ? {} : { BinaryValue: binaryValue }),
    };
  }
  return attributes;
}

const stringArraySchema = z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]));

function checkAttribute(name: string, dataType: string, stringValue?: string, binaryValue?: string): void {
  if (!DATA_TYPE.test(dataType)) {
    throw invalidValue(`The message attribute '${name}' has an invalid message attribute type ${dataType}.`);
  }
  if (dataType.startsWith('Binary')) {
    if (binaryValue === undefined) throw invalidValue(`The message attribute '${name}' must contain a non-empty binary value.`);
    return;
  }
  if (stringValue === undefined || stringValue === '') {
    throw invalidValue(`The message attribute '${name}' must contain non-empty message attribute value.`);
  }
  if (dataType.startsWith('Number') && (stringValue.trim() === '' || !Number.isFinite(Number(stringValue)))) {
    throw invalidValue(`The message attribute '${name}' with type 'Number' must contain a numeric value.`);
  }
  if (dataType === 'String.Array' && !stringArraySchema.safeParse(parseJson(stringValue)).success) {
    throw invalidValue(`The message attribute '${name}' with type 'String.Array' must be a JSON array of strings, numbers, booleans or null.`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
