import { Stack } from 'aws-cdk-lib';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** The cost allocation tag every stage resource carries (`stage=<name>`); activate it in Billing for the budget to see costs. */
export const STAGE_COST_TAG = 'stage';

/** When the budget notifies: percentages of the monthly limit. */
export const BUDGET_THRESHOLDS = { actualPercent: 80, forecastPercent: 100 } as const;

/** Properties of a {@link CostBudget}. */
export interface CostBudgetProps {
  /** The stage whose tagged resources are budgeted. */
  readonly stage: string;
  /** Monthly limit in US dollars. */
  readonly monthlyLimitUsd: number;
  /** Receives the budget notifications. */
  readonly topic: ITopic;
  /** The topic's encryption key, which AWS Budgets must be allowed to use. @default - an unencrypted topic */
  readonly topicKey?: IKey;
}

/**
 * An AWS Budgets monthly cost budget over the resources tagged with the stage,
 * notifying the topic when actual cost passes 80 % and when forecast cost
 * passes 100 % of the limit. Grants AWS Budgets (of this account only) publish
 * on the topic and use of its key.
 */
export class CostBudget extends Construct {
  readonly budget: CfnBudget;

  constructor(scope: Construct, id: string, props: CostBudgetProps) {
    super(scope, id);
    const budgets = new ServicePrincipal('budgets.amazonaws.com');
    const sameAccount = { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } };
    props.topic.addToResourcePolicy(
      new PolicyStatement({ principals: [budgets], actions: ['sns:Publish'], resources: [props.topic.topicArn], conditions: sameAccount }),
    );
    props.topicKey?.addToResourcePolicy(
      new PolicyStatement({ principals: [budgets], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], resources: ['*'], conditions: sameAccount }),
    );
    const notify = (notificationType: 'ACTUAL' | 'FORECASTED', threshold: number): CfnBudget.NotificationWithSubscribersProperty => ({
      notification: { notificationType, comparisonOperator: 'GREATER_THAN', threshold, thresholdType: 'PERCENTAGE' },
      subscribers: [{ subscriptionType: 'SNS', address: props.topic.topicArn }],
    });
    this.budget = new CfnBudget(this, 'Budget', {
      budget: {
        budgetName: `newsroom-${props.stage}-monthly`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.monthlyLimitUsd, unit: 'USD' },
        filterExpression: { tags: { key: STAGE_COST_TAG, values: [props.stage], matchOptions: ['EQUALS'] } },
      },
      notificationsWithSubscribers: [notify('ACTUAL', BUDGET_THRESHOLDS.actualPercent), notify('FORECASTED', BUDGET_THRESHOLDS.forecastPercent)],
    });
  }
}
