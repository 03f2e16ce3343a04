/**
 * Offline synthesis of every stage, without the CDK CLI: reads `cdk.json`
 * context, synthesizes into `cdk.out` with CloudFormation validation and the
 * cdk-nag AwsSolutions checks, and prints a summary of stacks, validation
 * results and every acknowledged finding with its written reason. Exits
 * non-zero on any unacknowledged error.
 *
 * Usage: tsx scripts/synth.ts [--skip-bundling]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import * as z from 'zod';
import { PROJECT_ROOT } from '../infra/config/paths';
import { buildNewsroomApp } from '../infra/newsroom-app';
import { acknowledgedWildcards } from '../infra/nag/wildcard-acknowledgments';

const cdkJson = z
  .object({ context: z.record(z.string(), z.unknown()).default({}), output: z.string().default('cdk.out') })
  .parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')));
const skipBundling = process.argv.includes('--skip-bundling');
const outdir = path.join(PROJECT_ROOT, cdkJson.output);

const app = new App({
  outdir,
  context: { ...cdkJson.context, ...(skipBundling ? { 'aws:cdk:bundling-stacks': [] } : {}) },
});
buildNewsroomApp(app);
const assembly = app.synth();

for (const stack of assembly.stacks) {
  const resources = Object.keys((stack.template as { Resources?: object }).Resources ?? {}).length;
  console.log(`${stack.stackName}: ${resources} resources`);
}

const reportSchema = z
  .object({
    pluginReports: z
      .array(
        z
          .object({
            pluginName: z.string(),
            conclusion: z.string().optional(),
            violations: z.array(z.object({ ruleName: z.string() }).loose()).default([]),
            suppressedViolations: z.array(z.object({ ruleName: z.string() }).loose()).default([]),
          })
          .loose(),
      )
      .default([]),
  })
  .loose();
const reportPath = path.join(outdir, 'validation-report.json');
const report = reportSchema.parse(JSON.parse(readFileSync(reportPath, 'utf8')));
for (const plugin of report.pluginReports) {
  const acknowledged = new Map<string, number>();
  for (const v of plugin.suppressedViolations) acknowledged.set(v.ruleName, (acknowledged.get(v.ruleName) ?? 0) + 1);
  console.log(
    `${plugin.pluginName}: ${plugin.conclusion ?? 'unknown'}, ${plugin.violations.length} open, ${plugin.suppressedViolations.length} acknowledged`,
  );
  for (const [rule, count] of [...acknowledged].sort()) console.log(`  acknowledged ${rule} x${count}`);
}

const acknowledgedRulesSchema = z.record(z.string(), z.string());
/** Rule (without the finding detail in brackets) and reason → how many constructs it was acknowledged on. */
const acknowledgements = new Map<string, number>();
for (const stack of assembly.stacks) {
  for (const entry of stack.findMetadataByType('aws:cdk:acknowledged-rules')) {
    for (const [id, reason] of Object.entries(acknowledgedRulesSchema.parse(entry.data))) {
      const rule = id.replace(/^Annotation::/, '').replace(/\[.*\]$/, '');
      const key = `${rule}: ${reason}`;
      acknowledgements.set(key, (acknowledgements.get(key) ?? 0) + 1);
    }
  }
}
for (const { reason } of acknowledgedWildcards(app)) {
  const key = `AwsSolutions-IAM5: ${reason}`;
  acknowledgements.set(key, (acknowledgements.get(key) ?? 0) + 1);
}
console.log(`cdk-nag acknowledgements, all stages (${[...acknowledgements.values()].reduce((a, b) => a + b, 0)} findings):`);
for (const [key, count] of [...acknowledgements].sort()) console.log(`  x${count} ${key}`);
