import { Stack, Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { apiOriginSecretName } from '../config/stage-parameters';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** Steady requests per second the subscription API accepts (its stage throttle), before the function's own per-address limits. */
export const SUBSCRIPTION_API_RATE_PER_SECOND = 50;
/** Burst the subscription API accepts. */
export const SUBSCRIPTION_API_BURST = 100;

// No client address or query: those carry readers' tokens and addresses (minimal personal data).
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    method: '$context.httpMethod',
    route: '$context.routeKey',
    status: '$context.status',
    latencyMs: '$context.responseLatency',
  }),
);

/** Properties of {@link SubscriptionApi}. */
export interface SubscriptionApiProps {
  readonly removalPolicy: RemovalPolicy;
  /** The stage name: the origin token's secret is named after it (`apiOriginSecretName`). */
  readonly stage: string;
}

/**
 * The HTTP API the distribution's `/api/*` behaviour forwards to, kept in the
 * Data stack beside the distribution so the origin is a same-stack reference.
 * It holds only its auto-deployed `$default` stage (throttled, access-logged);
 * the App stack adds the route and the integration to the API function by the
 * API id it reads from SSM, so neither stack references the other's resources.
 */
export class SubscriptionApi extends Construct {
  readonly api: HttpApi;
  /** The API's execute-api host name, the distribution's origin for `/api/*`. */
  readonly originDomainName: string;
  /** CloudFront sends this in `API_ORIGIN_HEADER`; the API function refuses requests without it (the execute-api address is public). */
  readonly originToken: Secret;

  constructor(scope: Construct, id: string, props: SubscriptionApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', { description: 'Newsroom subscription API (behind CloudFront /api/*)', createDefaultStage: false });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: props.removalPolicy });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: SUBSCRIPTION_API_RATE_PER_SECOND, burstLimit: SUBSCRIPTION_API_BURST },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
    this.originToken = new Secret(this, 'OriginToken', {
      secretName: apiOriginSecretName(props.stage),
      description: 'Newsroom: the header CloudFront adds to /api/* requests, checked by the subscription API function',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
      removalPolicy: props.removalPolicy,
    });
    Validations.of(this.originToken).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A shared token between the distribution and the API function, resolved into both at deploy time; rotating it means redeploying both stacks (cdk deploy), not a rotation Lambda.',
    });
    const stack = Stack.of(this);
    this.originDomainName = `${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }
}
