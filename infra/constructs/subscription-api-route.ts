import { Stack, Validations } from 'aws-cdk-lib';
import { CfnIntegration, CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { SUBSCRIPTION_PATHS } from '../../events/subscriber-names';

/** The route key of the subscription API: every method under `/api/`. */
export const SUBSCRIPTION_API_ROUTE_KEY = `ANY ${SUBSCRIPTION_PATHS.apiPrefix}{proxy+}`;

/** Properties of {@link SubscriptionApiRoute}. */
export interface SubscriptionApiRouteProps {
  /** The Data stack's HTTP API id (read from SSM). */
  readonly apiId: string;
  /** The subscription API function. */
  readonly function: IFunction;
}

/**
 * Connects the Data stack's HTTP API (`SubscriptionApi`) to the App stack's
 * API function: a Lambda proxy integration (payload 2.0) on `ANY /api/{proxy+}`
 * and the permission for API Gateway to invoke the function from this API only.
 * The API's auto-deployed `$default` stage picks the route up.
 */
export class SubscriptionApiRoute extends Construct {
  constructor(scope: Construct, id: string, props: SubscriptionApiRouteProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const integration = new CfnIntegration(this, 'Integration', {
      apiId: props.apiId,
      integrationType: 'AWS_PROXY',
      integrationUri: props.function.functionArn,
      payloadFormatVersion: '2.0',
    });
    const route = new CfnRoute(this, 'Route', {
      apiId: props.apiId,
      routeKey: SUBSCRIPTION_API_ROUTE_KEY,
      target: `integrations/${integration.ref}`,
      authorizationType: 'NONE',
    });
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Readers have no accounts: sign-up is public, and every change to a subscription needs an HMAC-signed, expiring link token checked by the function; requests are limited per address and per client and the stage is throttled.',
    });
    props.function.addPermission('InvokeFromSubscriptionApi', {
      principal: new ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: stack.formatArn({ service: 'execute-api', resource: props.apiId, resourceName: `*/*${SUBSCRIPTION_PATHS.apiPrefix}*` }),
    });
  }
}
