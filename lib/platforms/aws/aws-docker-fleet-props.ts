import type { AwsHostGroupProps } from './aws-host-group-props';

/** Properties of an `AwsDockerFleet`: a host group's (`AwsHostGroupProps`), its size, name and scaling. */
export interface AwsDockerFleetProps extends AwsHostGroupProps {
  /**
   * Number of hosts (the Auto Scaling group's desired capacity). May be a token (e.g. a
   * Terraform variable).
   */
  readonly hostCount: number;
  /**
   * IMDSv2 PUT response hop limit. 1 keeps instance metadata (the role's credentials, the user
   * data) from containers on Docker's bridge network; host-networked processes, such as the
   * container-secret fetcher, still reach it. Raise it to 2 only for a container that must call
   * AWS with the instance role itself: every bridge-networked container then can.
   * @default 1
   */
  readonly metadataHopLimit?: number;
  /**
   * Days CloudWatch Logs keeps the containers' logs, on an OS whose containers run as ECS
   * services (Bottlerocket): one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
   * 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, or 0 to keep them forever. Other OSes log to
   * the host's journal (a warning says the prop is ignored there).
   * @default 30
   */
  readonly containerLogRetentionDays?: number;
  /**
   * Minimum healthy percentage during a rolling instance refresh.
   * @default 90
   */
  readonly minHealthyPercentage?: number;
  /**
   * Seconds after launch before the Auto Scaling group checks a host's health.
   * @default 300
   */
  readonly healthCheckGracePeriod?: number;
  /**
   * How long `terraform apply` waits for the Auto Scaling group's hosts to be in service (and,
   * with `targetGroupArns`, healthy in the target groups): a duration such as `'10m'`, or `'0'` not
   * to wait. Behind a load balancer the wait makes a deploy whose hosts never answer fail instead
   * of reporting success; without one only EC2 status checks exist, which a host with a broken
   * payload passes, so there is nothing to wait for. Instance refreshes roll back automatically
   * when new hosts fail their health checks (`auto_rollback`).
   * @default - '10m' with targetGroupArns, else '0'
   */
  readonly waitForCapacityTimeout?: string;
  /**
   * Minimum size of the Auto Scaling group.
   * @default - hostCount
   */
  readonly minCapacity?: number;
  /**
   * Maximum size of the Auto Scaling group.
   * @default - hostCount
   */
  readonly maxCapacity?: number;
  /**
   * Name of the fleet: the `Name` tag of hosts and volumes, the name prefix of its resources and,
   * on Bottlerocket, the name of its ECS cluster, log group (`/cdktf-docker-fleet/<name>`) and
   * task families (`<name>-<container>`). Two fleets of one app cannot share a name.
   * @default - the construct id, cut to 25 characters, `-` and 6 hex digits of a hash of the
   * construct path (e.g. `web-1d2e3f`): unique per stack and construct path, the same on every synth
   */
  readonly name?: string;
}
