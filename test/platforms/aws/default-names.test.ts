/**
 * An AWS fleet's default names are unique per stack and construct path, and two fleets in one
 * app that resolve to one name (cluster, log group, task family) are refused, naming both.
 */
import { App, Testing } from 'cdktf';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsDockerFleet, FleetConfigErrors, HostConfig } from '../../../lib';
import { awsStack, baseProps } from './aws-fixtures';
import { thrown } from '../../helpers/error-codes';

function app(): App {
  return Testing.app({ outdir: mkdtempSync(join(tmpdir(), 'default-names.')) });
}

function resources(stack: any, type: string): any[] {
  return Object.values(JSON.parse(Testing.synth(stack)).resource?.[type] ?? {});
}


describe('default names of an AWS fleet', () => {
  test('one Bottlerocket fleet id in two stacks gets two ECS clusters, log groups and task families', () => {
    const a = app();
    const staging = awsStack(a, 'staging');
    const prod = awsStack(a, 'prod');
    new AwsDockerFleet(staging, 'br', baseProps('bottlerocket'));
    new AwsDockerFleet(prod, 'br', baseProps('bottlerocket'));
    const names = (stack: any) => ({
      cluster: resources(stack, 'aws_ecs_cluster')[0].name,
      logGroup: resources(stack, 'aws_cloudwatch_log_group')[0].name,
      family: resources(stack, 'aws_ecs_task_definition')[0].family,
    });
    const s = names(staging);
    const p = names(prod);
    expect(s.cluster).not.toBe(p.cluster);
    expect(s.logGroup).not.toBe(p.logGroup);
    expect(s.family).not.toBe(p.family);
    // readable: the construct id stays in front
    expect(s.cluster).toMatch(/^br-[0-9a-f]{6}$/);
  });

  test('ids that share their first 32 characters get distinct default names', () => {
    const a = app();
    const stack = awsStack(a, 'one');
    const eu = new AwsDockerFleet(stack, 'production-docker-fleet-frontend-eu', baseProps('fcos'));
    const us = new AwsDockerFleet(stack, 'production-docker-fleet-frontend-us', baseProps('fcos'));
    expect(eu.node.path).not.toBe(us.node.path);
    const names = resources(stack, 'aws_autoscaling_group').map((g) => g.name_prefix);
    expect(new Set(names).size).toBe(2);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(33);
  });

  test('the default name is the same on every synth', () => {
    const name = (): string => {
      const stack = awsStack(app(), 'prod');
      new AwsDockerFleet(stack, 'br', baseProps('bottlerocket'));
      return resources(stack, 'aws_ecs_cluster')[0].name;
    };
    expect(name()).toBe(name());
  });

  test('fails when two fleets in two stacks are given one name, naming the other fleet', () => {
    const a = app();
    new AwsDockerFleet(awsStack(a, 'staging'), 'br', { ...baseProps('bottlerocket'), name: 'shop' });
    const e = thrown(() => new AwsDockerFleet(awsStack(a, 'prod'), 'br', { ...baseProps('bottlerocket'), name: 'shop' }));
    expect(FleetConfigErrors.codeOf(e)).toBe('DUPLICATE_NAME');
    expect(e.message).toContain('prod/br');
    expect(e.message).toContain('staging/br');
  });

  test('fails when two fleets resolve to one ECS task family through their fleet and container names', () => {
    const a = app();
    const stack = awsStack(a, 'one');
    const host = (name: string) => {
      const h = new HostConfig();
      h.addContainer({ name, image: 'nginx:1.27' });
      return h;
    };
    // shop + b-c and shop-b + c are both 'shop-b-c'
    new AwsDockerFleet(stack, 'one', { ...baseProps('bottlerocket'), name: 'shop', hostConfig: host('b-c') });
    const e = thrown(() => new AwsDockerFleet(stack, 'two', { ...baseProps('bottlerocket'), name: 'shop-b', hostConfig: host('c') }));
    expect(FleetConfigErrors.codeOf(e)).toBe('DUPLICATE_NAME');
    expect(e.message).toContain('one/one');
    expect(e.message).toContain('"shop-b-c"');
  });
});
