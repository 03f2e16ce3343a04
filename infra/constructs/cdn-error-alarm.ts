import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** Percentage of 5xx responses over five minutes that raises the alarm. */
export const CDN_5XX_THRESHOLD_PERCENT = 5;

/** Properties of a {@link CdnErrorAlarm}. */
export interface CdnErrorAlarmProps {
  readonly distribution: IDistribution;
  /** Receives the alarm; must be in the alarm's region. */
  readonly topic: ITopic;
}

/**
 * Alarms when 5 % or more of the distribution's responses over five minutes
 * are 5xx. CloudFront publishes its metrics in us-east-1 only, so the
 * construct must live in a us-east-1 stack and alert a topic there.
 */
export class CdnErrorAlarm extends Construct {
  readonly alarm: Alarm;

  constructor(scope: Construct, id: string, props: CdnErrorAlarmProps) {
    super(scope, id);
    this.alarm = new Alarm(this, 'Alarm', {
      alarmDescription: 'The site answers 5xx to readers',
      // CloudFront publishes with both dimensions; an alarm matches only the exact set (CDK's metric5xxErrorRate omits Region).
      metric: new Metric({
        namespace: 'AWS/CloudFront',
        metricName: '5xxErrorRate',
        dimensionsMap: { DistributionId: props.distribution.distributionId, Region: 'Global' },
        period: Duration.minutes(5),
        statistic: Stats.AVERAGE,
      }),
      threshold: CDN_5XX_THRESHOLD_PERCENT,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.alarm.addAlarmAction(new SnsAction(props.topic));
  }
}
