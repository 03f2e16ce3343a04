import { randomUUID } from 'node:crypto';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION, pageOf, type ActionContext, type ActionHandler } from './action-context';
import type { QueryParams } from './query-params';
import { invalidParameter, notFound } from './sns-api-error';
import type { SnsPlatformApplication, SnsPlatformEndpoint } from './sns-state';
import { el, entries, members } from './xml-response';

/** The platforms the local endpoint accepts applications for (what this project sends to). */
export const PLATFORMS = new Set(['APNS', 'APNS_SANDBOX', 'GCM']);

/** Platform application attributes AWS knows; `PlatformCredential` is required and never stored. */
const APPLICATION_ATTRIBUTES = new Set([
  'PlatformCredential',
  'PlatformPrincipal',
  'EventEndpointCreated',
  'EventEndpointDeleted',
  'EventEndpointUpdated',
  'EventDeliveryFailure',
  'SuccessFeedbackRoleArn',
  'FailureFeedbackRoleArn',
  'SuccessFeedbackSampleRate',
  'ApplePlatformTeamID',
  'ApplePlatformBundleID',
]);

/** Endpoint attributes AWS accepts on create and set. */
const ENDPOINT_ATTRIBUTES = new Set(['CustomUserData', 'Enabled', 'Token']);

/** Largest CustomUserData AWS accepts, in bytes. */
const MAX_CUSTOM_USER_DATA_BYTES = 2048;

const APPLICATION_NAME = /^[A-Za-z0-9_.-]{1,256}$/;

/** The platform endpoint with this ARN, if any. */
export function findEndpoint(context: ActionContext, arn: string): SnsPlatformEndpoint | undefined {
  return context.store.state.platformEndpoints.find((e) => e.arn === arn);
}

function findApplication(context: ActionContext, arn: string): SnsPlatformApplication {
  if (!/^arn:aws:sns:[^:]+:\d{12}:app\/[A-Z_]+\/[A-Za-z0-9_.-]+$/.test(arn))
    throw invalidParameter('PlatformApplicationArn Reason: not a platform application ARN');
  const application = context.store.state.platformApplications.find((a) => a.arn === arn);
  if (!application) throw notFound('PlatformApplication does not exist');
  return application;
}

function requireEndpoint(context: ActionContext, arn: string): SnsPlatformEndpoint {
  const endpoint = findEndpoint(context, arn);
  if (!endpoint) throw notFound('Endpoint does not exist');
  return endpoint;
}

function checkToken(platform: string, token: string): void {
  if (token.length === 0 || token.length > 4096) throw invalidParameter('Token Reason: must be 1 to 4096 characters');
  if (platform.startsWith('APNS') && !/^[0-9a-fA-F]{64}$/.test(token)) {
    throw invalidParameter('Token Reason: iOS device tokens must be 64 hexadecimal characters');
  }
  if (platform === 'GCM' && !/^[A-Za-z0-9_:.-]+$/.test(token)) throw invalidParameter('Token Reason: not an FCM registration token');
}

interface EndpointChanges {
  customUserData?: string;
  enabled?: boolean;
  token?: string;
}

function readEndpointChanges(attributes: ReadonlyMap<string, string>): EndpointChanges {
  const changes: EndpointChanges = {};
  for (const [name, value] of attributes) {
    if (!ENDPOINT_ATTRIBUTES.has(name)) throw invalidParameter(`Attributes Reason: Unknown attribute ${name}`);
    if (name === 'Enabled') {
      if (value !== 'true' && value !== 'false') throw invalidParameter('Attributes Reason: Enabled must be true or false');
      changes.enabled = value === 'true';
    } else if (name === 'CustomUserData') changes.customUserData = value;
    else changes.token = value;
  }
  if (changes.customUserData !== undefined && Buffer.byteLength(changes.customUserData) > MAX_CUSTOM_USER_DATA_BYTES) {
    throw invalidParameter(`CustomUserData Reason: longer than ${MAX_CUSTOM_USER_DATA_BYTES} bytes`);
  }
  return changes;
}

function endpointAttributes(endpoint: SnsPlatformEndpoint): Record<string, string> {
  return {
    Enabled: String(endpoint.enabled),
    Token: endpoint.token,
    ...(endpoint.customUserData === undefined ? {} : { CustomUserData: endpoint.customUserData }),
  };
}

/** CreatePlatformApplication: APNS, APNS_SANDBOX or GCM; a credential is required (and never kept). The same name and platform again returns the same ARN. */
export const createPlatformApplication: ActionHandler = async (params, context) => {
  const name = params.require('Name');
  if (!APPLICATION_NAME.test(name)) throw invalidParameter('Name Reason: 1 to 256 letters, digits, _ . or -');
  const platform = params.require('Platform');
  if (!PLATFORMS.has(platform)) throw invalidParameter(`Platform Reason: ${platform} is not supported by the local endpoint`);
  const attributes = params.map('Attributes');
  for (const key of attributes.keys()) if (!APPLICATION_ATTRIBUTES.has(key)) throw invalidParameter(`Attributes Reason: Unknown attribute ${key}`);
  if (!attributes.get('PlatformCredential')) throw invalidParameter('Attributes Reason: PlatformCredential is required');
  const arn = `arn:aws:sns:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:app/${platform}/${name}`;
  const kept = Object.fromEntries([...attributes].filter(([key]) => key !== 'PlatformCredential'));
  const { platformApplications } = context.store.state;
  const existing = platformApplications.find((a) => a.arn === arn);
  if (existing) existing.attributes = kept;
  else platformApplications.push({ arn, name, platform, attributes: kept });
  await context.store.save();
  return [el('PlatformApplicationArn', arn)];
};

/**
 * CreatePlatformEndpoint: idempotent per (application, token) while the
 * attributes match; the same token with other attributes is refused, as on AWS.
 */
export const createPlatformEndpoint: ActionHandler = async (params, context) => {
  const application = findApplication(context, params.require('PlatformApplicationArn'));
  const token = params.require('Token');
  checkToken(application.platform, token);
  const customUserData = params.get('CustomUserData');
  const changes = readEndpointChanges(params.map('Attributes'));
  if (changes.token !== undefined && changes.token !== token) throw invalidParameter('Attributes Reason: Token differs from the Token parameter');
  const wanted = { customUserData: changes.customUserData ?? customUserData, enabled: changes.enabled ?? true };
  if (wanted.customUserData !== undefined && Buffer.byteLength(wanted.customUserData) > MAX_CUSTOM_USER_DATA_BYTES) {
    throw invalidParameter(`CustomUserData Reason: longer than ${MAX_CUSTOM_USER_DATA_BYTES} bytes`);
  }
  const { platformEndpoints } = context.store.state;
  const existing = platformEndpoints.find((e) => e.applicationArn === application.arn && e.token === token);
  if (existing) {
    if (existing.customUserData !== wanted.customUserData || existing.enabled !== wanted.enabled) {
      throw invalidParameter(`Token Reason: Endpoint ${existing.arn} already exists with the same Token, but different attributes.`);
    }
    return [el('EndpointArn', existing.arn)];
  }
  const arn = `arn:aws:sns:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:endpoint/${application.platform}/${application.name}/${randomUUID()}`;
  platformEndpoints.push({
    arn,
    applicationArn: application.arn,
    token,
    enabled: wanted.enabled,
    ...(wanted.customUserData === undefined ? {} : { customUserData: wanted.customUserData }),
  });
  await context.store.save();
  return [el('EndpointArn', arn)];
};

/** GetEndpointAttributes: Enabled, Token, CustomUserData. */
export const getEndpointAttributes: ActionHandler = async (params, context) => [
  el('Attributes', entries(endpointAttributes(requireEndpoint(context, params.require('EndpointArn'))))),
];

/** SetEndpointAttributes: CustomUserData, Enabled, Token (validated for the platform). */
export const setEndpointAttributes: ActionHandler = async (params, context) => {
  const endpoint = requireEndpoint(context, params.require('EndpointArn'));
  const changes = readEndpointChanges(params.map('Attributes'));
  if (changes.token !== undefined) {
    checkToken(findApplication(context, endpoint.applicationArn).platform, changes.token);
    endpoint.token = changes.token;
  }
  if (changes.enabled !== undefined) endpoint.enabled = changes.enabled;
  if (changes.customUserData !== undefined) endpoint.customUserData = changes.customUserData;
  await context.store.save();
  return undefined;
};

/** DeleteEndpoint: idempotent, as on AWS; subscriptions to the endpoint stay (and deliver nothing). */
export const deleteEndpoint: ActionHandler = async (params: QueryParams, context: ActionContext) => {
  const arn = params.require('EndpointArn');
  const { state } = context.store;
  state.platformEndpoints = state.platformEndpoints.filter((e) => e.arn !== arn);
  await context.store.save();
  return undefined;
};

/** ListEndpointsByPlatformApplication, 100 per page. */
export const listEndpointsByPlatformApplication: ActionHandler = async (params, context) => {
  const application = findApplication(context, params.require('PlatformApplicationArn'));
  const page = pageOf(
    context.store.state.platformEndpoints.filter((e) => e.applicationArn === application.arn),
    params.get('NextToken'),
  );
  return [
    el(
      'Endpoints',
      members(page.items, (e) => [el('EndpointArn', e.arn), el('Attributes', entries(endpointAttributes(e)))]),
    ),
    el('NextToken', page.nextToken),
  ];
};
