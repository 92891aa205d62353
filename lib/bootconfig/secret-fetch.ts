/**
 * Container secrets at boot: one POSIX sh fetcher per host, run by the container's supervisor
 * right before each start of the container (systemd: ExecStartPre; OpenRC: the wrapper that
 * supervise-daemon respawns), which asks SSM Parameter Store / Secrets Manager with the instance
 * role and writes `NAME=value` lines to a root-only file on tmpfs that docker reads with
 * `--env-file`. Values exist only in that file, in the fetcher's shell variables and in the
 * container's configuration: never in an argv (printf is a shell builtin; jq reads stdin), never
 * in the payload.
 */
import { fillPlaceholders, packagedFile } from '../core/packaged-file';
import { ContainerModel } from './model';
import { SECRET_FETCHER, containerSecretsFile } from './paths';

export { SECRET_FETCHER };

/**
 * The AWS CLI for hosts without one (Fedora CoreOS, Flatcar): AWS's public image, pinned by its
 * multi-architecture manifest digest (AWS CLI 2.37.4; digest as recorded on 2026-09-28 in a
 * public project's deployment notes, see README "Container secrets"). UNCERTAIN: not pulled
 * here (no registry access); verify with `crane digest public.ecr.aws/aws-cli/aws-cli:2.37.4`.
 * The image's entrypoint is `aws`.
 */
export const AWS_CLI_IMAGE = 'public.ecr.aws/aws-cli/aws-cli@sha256:fdd8d1fcbea9c371678dee5a40df8b178c7a781b4586605756ee28114c97ead6';

/** How the fetcher runs the AWS CLI. */
export type AwsCliKind =
  /** `docker run` of AWS_CLI_IMAGE with host networking (IMDS answers at hop limit 1) */
  | { readonly kind: 'image'; readonly docker: string }
  /** the host's own `aws` (Alpine: the `aws-cli` package) */
  | { readonly kind: 'packaged'; readonly aws: string };

/** Alpine packages the fetcher needs: the CLI, curl (IMDSv2 region), jq (JSON keys). */
export function secretPackages(containers: readonly ContainerModel[]): string[] {
  const secrets = containers.flatMap((c) => c.secrets);
  if (!secrets.length) return [];
  return ['aws-cli', 'curl', ...(secrets.some((s) => s.jsonKey !== undefined) ? ['jq'] : [])];
}

/**
 * The fetcher's arguments for one container: the output file, then per secret
 * `ENV SOURCE ID KEY REGION` where KEY is `=<jsonKey>` or `-` and REGION a region or `-`
 * (the instance's, from IMDS). Names and ARNs only.
 */
export function secretFetchArgv(c: ContainerModel): string[] {
  const argv = [SECRET_FETCHER, containerSecretsFile(c.name)];
  for (const s of c.secrets) argv.push(s.env, s.source, s.id, s.jsonKey === undefined ? '-' : `=${s.jsonKey}`, s.region ?? '-');
  return argv;
}

/** The fetcher script (fetch-container-secrets.sh, mode 0700). */
export function renderSecretFetcher(cli: AwsCliKind): string {
  const aws = cli.kind === 'image'
    // --log-driver none: the CLI's output (the value) is not kept in a container log.
    ? `${cli.docker} run --rm --network host --log-driver none ${AWS_CLI_IMAGE}`
    : cli.aws;
  return fillPlaceholders(packagedFile(__dirname, 'fetch-container-secrets.sh'), { SECRET_FETCHER, AWS_CLI: aws });
}
