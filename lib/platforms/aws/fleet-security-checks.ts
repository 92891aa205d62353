import { gunzipSync } from 'zlib';
import { Annotations, IAspect, TerraformDataSource, TerraformResource, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { CONTAINER_ENV_DIR } from '../../bootconfig/paths';
import { CoreErrors } from '../../core/errors';
import { requireArray, requireOneOf, requireString } from '../../core/validation';

/** How a finding is reported. */
export enum FindingSeverity {
  /** An error annotation: `cdktf synth` reports it and fails. */
  ERROR = 'error',
  /** A warning annotation. */
  WARNING = 'warning',
}

/** One rule that a resource broke. */
export interface SecurityFinding {
  /** The checkov policy the rule mirrors, e.g. `CKV_AWS_79`. */
  readonly rule: string;
  /** Construct path of the resource. */
  readonly path: string;
  /** Terraform resource type, e.g. `aws_launch_template`. */
  readonly resourceType: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** Options for FleetSecurityChecks. */
export interface FleetSecurityChecksProps {
  /**
   * How findings are reported.
   * @default FindingSeverity.ERROR
   */
  readonly severity?: FindingSeverity;
  /**
   * Rules to skip, by checkov id (e.g. `['CKV_AWS_88']` for a fleet that needs public IPs). A
   * list, also from JavaScript (a single string is an error, not a silent no-op).
   * @default - every rule runs
   */
  readonly skip?: string[];
}

/**
 * The rules, named after the checkov AWS policies they mirror (bridgecrewio/checkov
 * checkov/terraform/checks/resource/aws: IMDSv2.py CKV_AWS_79, LaunchConfigurationEBSEncryption.py
 * CKV_AWS_8, EBSEncryption.py CKV_AWS_3, SecurityGroupUnrestrictedIngress22.py CKV_AWS_24,
 * EC2PublicIP.py CKV_AWS_88, EC2Credentials.py CKV_AWS_46, IAMAdminPolicyDocument.py CKV_AWS_1,
 * IAMAdministratorAccessPolicy CKV_AWS_274).
 */
export const SECURITY_RULES: { readonly [id: string]: string } = {
  CKV_AWS_79: 'instance metadata requires IMDSv2 tokens (http_tokens = "required")',
  CKV_AWS_8: 'launch template EBS volumes are encrypted',
  CKV_AWS_3: 'EBS volumes are encrypted',
  CKV_AWS_24: 'no SSH (port 22) ingress from 0.0.0.0/0 or ::/0',
  CKV_AWS_88: 'instances get no public IP address',
  CKV_AWS_46: 'no secrets (AWS keys, private keys) in EC2 user data',
  CKV_AWS_1: 'no IAM policy allows "*" actions on "*" resources',
  CKV_AWS_274: 'no role, user or group carries the AdministratorAccess managed policy',
  CKV_AWS_341: 'instance metadata answers only the host itself (http_put_response_hop_limit = 1), not containers on a bridge network',
  FLEET_ENV_SECRET: 'container environment values that look like secrets (names with PASSWORD, SECRET, TOKEN or ending _KEY) are not '
    + 'written into user data; a warning whatever the severity',
};

const asList = (v: unknown): any[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const isTrue = (v: unknown) => v === true || v === 'true';
/** A resource's user data as base64: `user_data_base64`, or its literal `user_data` encoded. */
const userDataBase64 = (attrs: Record<string, any>): string | undefined => {
  if (attrs.user_data_base64 !== undefined && attrs.user_data_base64 !== null) return attrs.user_data_base64;
  const literal = typeof attrs.user_data === 'string' && !Token.isUnresolved(attrs.user_data);
  return literal ? Buffer.from(attrs.user_data).toString('base64') : undefined;
};

/**
 * Secure-default checks for any stack, as a cdktf Aspect: `Aspects.of(stack).add(new FleetSecurityChecks())`.
 * It reads each AWS resource's Terraform attributes (launch templates, instances, EBS volumes,
 * security groups and their rules, IAM policies and attachments) and reports what breaks a rule
 * as an annotation on that resource; `findings` lists them for tests and tooling. Values known
 * only at apply time are not judged.
 */
export class FleetSecurityChecks implements IAspect {
  /** Everything found so far, in visiting order. */
  public readonly findings: SecurityFinding[] = [];
  private readonly severity: FindingSeverity;
  private readonly skip: Set<string>;

  /** @param props severity and rules to skip */
  constructor(props: FleetSecurityChecksProps = {}) {
    if (props === null || typeof props !== 'object') throw CoreErrors.notAnObject('FleetSecurityChecks', props);
    // A gate must not fail open: 'ERROR' from JavaScript means ERROR, a typo is an error.
    this.severity = props.severity === undefined ? FindingSeverity.ERROR
      : requireOneOf('severity', props.severity, [FindingSeverity.ERROR, FindingSeverity.WARNING]);
    const skip = props.skip === undefined ? [] : requireArray('skip', props.skip);
    // Ids of other checkov rules are allowed (a skip list shared with checkov); an unknown id skips
    // nothing, which fails closed.
    this.skip = new Set(skip.map((id, i) => requireString(`skip[${i}]`, id).trim().toUpperCase()));
  }

  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) && !(node instanceof TerraformDataSource)) return;
    const type = node.terraformResourceType;
    const body = (node.toTerraform() as any)[node instanceof TerraformDataSource ? 'data' : 'resource']?.[type];
    if (!body) return;
    const attrs = Object.values(body)[0] as Record<string, any>;
    const report = (rule: string, message: string, severity = this.severity) => {
      if (this.skip.has(rule)) return;
      const finding = { rule, path: node.node.path, resourceType: type, message: `${rule}: ${message}` };
      if (this.findings.some((f) => f.rule === rule && f.path === finding.path)) return;
      this.findings.push(finding);
      if (severity === FindingSeverity.ERROR) Annotations.of(node).addError(finding.message);
      else Annotations.of(node).addWarning(finding.message);
    };
    if (node instanceof TerraformDataSource) {
      if (type === 'aws_iam_policy_document') this.checkPolicyDocumentData(attrs, report);
      return;
    }
    switch (type) {
      case 'aws_launch_template':
        this.checkMetadata(attrs.metadata_options, report);
        for (const m of asList(attrs.block_device_mappings)) {
          for (const ebs of asList(m.ebs)) {
            if (!Token.isUnresolved(ebs.encrypted) && !isTrue(ebs.encrypted) && !ebs.snapshot_id) {
              report('CKV_AWS_8', `block device ${m.device_name} is not encrypted; set ebs.encrypted = true`);
            }
          }
        }
        for (const ni of asList(attrs.network_interfaces)) {
          if (isTrue(ni.associate_public_ip_address)) report('CKV_AWS_88', 'network interfaces get a public IP; put the hosts behind a '
            + 'load balancer or NAT instead');
        }
        this.checkUserData(attrs.user_data, report, node);
        break;
      case 'aws_launch_configuration':
        this.checkMetadata(attrs.metadata_options, report);
        if (isTrue(attrs.associate_public_ip_address)) report('CKV_AWS_88', 'instances get a public IP; put the hosts behind a load '
          + 'balancer or NAT instead');
        for (const d of asList(attrs.root_block_device).concat(asList(attrs.ebs_block_device))) {
          if (!Token.isUnresolved(d.encrypted) && !isTrue(d.encrypted) && !d.snapshot_id) report('CKV_AWS_8',
            `volume ${d.device_name ?? '(root)'} is not encrypted; set encrypted = true`);
        }
        this.checkUserData(userDataBase64(attrs), report, node);
        break;
      case 'aws_instance':
        // Without its own metadata_options, an instance from a launch template inherits the
        // template's (which is checked as a template): not a finding here.
        if (!(attrs.launch_template && attrs.metadata_options === undefined)) this.checkMetadata(attrs.metadata_options, report);
        if (isTrue(attrs.associate_public_ip_address)) report('CKV_AWS_88', 'the instance gets a public IP');
        for (const d of asList(attrs.root_block_device).concat(asList(attrs.ebs_block_device))) {
          if (!Token.isUnresolved(d.encrypted) && !isTrue(d.encrypted)) {
            report('CKV_AWS_8', `volume ${d.device_name ?? '(root)'} is not encrypted`);
          }
        }
        this.checkUserData(userDataBase64(attrs), report, node);
        break;
      case 'aws_ebs_volume':
        if (!Token.isUnresolved(attrs.encrypted) && !isTrue(attrs.encrypted)) report('CKV_AWS_3', 'the volume is not encrypted; set '
          + 'encrypted = true');
        break;
      case 'aws_security_group':
      case 'aws_default_security_group':
        for (const rule of asList(attrs.ingress)) this.checkIngress(rule, report);
        break;
      case 'aws_security_group_rule':
        if (attrs.type === 'ingress') this.checkIngress(attrs, report);
        break;
      case 'aws_vpc_security_group_ingress_rule':
        this.checkIngress({
          ...attrs, cidr_blocks: asList(attrs.cidr_ipv4), ipv6_cidr_blocks: asList(attrs.cidr_ipv6), protocol: attrs.ip_protocol,
        }, report);
        break;
      case 'aws_iam_role_policy':
      case 'aws_iam_policy':
      case 'aws_iam_user_policy':
      case 'aws_iam_group_policy':
        this.checkPolicyDocument(attrs.policy, report, node);
        break;
      case 'aws_iam_role':
        for (const p of asList(attrs.inline_policy)) this.checkPolicyDocument(p.policy, report, node);
        for (const arn of asList(attrs.managed_policy_arns)) this.checkManagedPolicy(arn, report);
        break;
      case 'aws_iam_role_policy_attachment':
      case 'aws_iam_user_policy_attachment':
      case 'aws_iam_group_policy_attachment':
      case 'aws_iam_policy_attachment':
        this.checkManagedPolicy(attrs.policy_arn, report);
        break;
    }
  }

  private checkMetadata(options: unknown, report: Report) {
    const opts = asList(options)[0] ?? {};
    // No metadata service at all: nothing to steal.
    if (opts.http_endpoint === 'disabled') return;
    if (!Token.isUnresolved(opts.http_tokens) && opts.http_tokens !== 'required') {
      report('CKV_AWS_79', `metadata_options.http_tokens is ${JSON.stringify(opts.http_tokens ?? 'optional (the default)')}; set it to `
        + `"required"`);
    }
    const hops = opts.http_put_response_hop_limit;
    if (hops !== undefined && !Token.isUnresolved(hops) && Number(hops) > 1) {
      report('CKV_AWS_341', `metadata_options.http_put_response_hop_limit is ${hops}: containers on a bridge network reach the role's `
        + `credentials and the user data; set it to 1 (AwsDockerFleet metadataHopLimit)`);
    }
  }

  private checkIngress(rule: any, report: Report) {
    const cidrs = [...asList(rule.cidr_blocks), ...asList(rule.ipv6_cidr_blocks)];
    // Any /0 is the whole internet, however it is spelled (0.0.0.0/0, ::/0, 0::/0, ::0/0).
    const open = cidrs.filter((c) => typeof c === 'string' && !Token.isUnresolved(c) && /^[0-9a-fA-F.:]+\/0$/.test(c.trim()));
    if (!open.length) return;
    const from = Number(rule.from_port);
    const to = Number(rule.to_port);
    const protocol = String(rule.protocol ?? '').toLowerCase();
    const allPorts = protocol === '-1' || protocol === 'all';
    // SSH is TCP: a UDP/ICMP rule over port 22 is not SSH.
    const tcp = protocol === 'tcp' || protocol === '6';
    if (allPorts || (tcp && Number.isFinite(from) && Number.isFinite(to) && from <= 22 && to >= 22)) {
      report('CKV_AWS_24', `port 22 is open to ${open.join(' and ')}; allow SSH only from known networks (sshIngressCidrs)`);
    }
  }

  private checkUserData(value: unknown, report: Report, node: IConstruct) {
    let base64 = value;
    if (typeof base64 === 'string' && Token.isUnresolved(base64)) {
      // Marked sensitive (Fn.sensitive("...")): the literal inside is still user data.
      try {
        base64 = /^\$\{sensitive\("([A-Za-z0-9+/=]*)"\)\}$/.exec(String(resolveToken(node, base64)))?.[1];
      } catch {
        return;
      }
    }
    if (typeof base64 !== 'string' || Token.isUnresolved(base64)) return;
    const envFiles: string[] = [];
    const text = expandUserData(Buffer.from(base64, 'base64'), envFiles);
    const secrets: Array<[RegExp, string]> = [
      [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
      // A secret key's name with a value, not a path or a variable (AWS_SECRET_ACCESS_KEY_FILE=/run/x is fine).
      [/\baws_?secret(_?access)?_?key\b["']?\s*[=:]\s*["']?(?![\s"'/$]|$)/im, 'an AWS secret access key'],
      // PEM private keys of any kind, encrypted ones too: RSA, EC, DSA, OPENSSH, ENCRYPTED, PKCS#8, PGP.
      [/-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/, 'a private key'],
    ];
    for (const [re, what] of secrets) {
      if (re.test(text)) report('CKV_AWS_46', `user data contains ${what}; use an instance role and fetch secrets at boot (e.g. from SSM `
        + `Parameter Store)`);
    }
    // Container env files (`NAME=value` lines): secret-looking names with literal values (ContainerSecret is the way).
    const named = new Set<string>();
    for (const m of envFiles.join('\n').matchAll(/^([A-Za-z_][A-Za-z0-9_.]*)=(.*)$/gm)) {
      const [, name, value] = m;
      if (!/PASSWORD|SECRET|TOKEN|_KEY$/i.test(name) || value.trim() === '' || /^[/$]/.test(value.trim())) continue;
      named.add(name);
    }
    if (named.size) {
      report('FLEET_ENV_SECRET', `container environment ${[...named].sort().join(', ')} look${named.size === 1 ? 's' : ''} like secrets `
        + `and sit in plain user data (readable with ec2:DescribeInstanceAttribute, in plan output and state); `
        + 'pass them as container secrets instead (secrets: { NAME: ContainerSecret.fromSsmParameter(...) }), which the host fetches at '
          + 'each start', FindingSeverity.WARNING);
    }
  }

  private checkPolicyDocument(policy: unknown, report: Report, node: IConstruct) {
    if (typeof policy !== 'string') return;
    if (Token.isUnresolved(policy)) {
      // Fn.jsonencode({...}) or a data source's .json: read the expression Terraform gets.
      let expr: unknown;
      try {
        expr = resolveToken(node, policy);
      } catch {
        return;
      }
      if (typeof expr === 'string' && /^\$\{jsonencode\(/.test(expr)) this.checkJsonencodePolicy(expr, report);
      return;
    }
    let doc: any;
    try {
      doc = JSON.parse(policy);
    } catch {
      return;
    }
    for (const st of asList(doc.Statement)) {
      if ((st.Effect ?? 'Allow') !== 'Allow') continue;
      if (asList(st.Action).includes('*') && asList(st.Resource).includes('*')) report('CKV_AWS_1', ADMIN_STATEMENT);
    }
  }

  /** `jsonencode({...})` as HCL: each statement object, its Effect, Action and Resource. */
  private checkJsonencodePolicy(expr: string, report: Report) {
    const star = (key: string, body: string) => new RegExp(`"?${key}"?\\s*=\\s*(\\[\\s*)?"\\*"\\s*(\\]|,|\\n|})`).test(body);
    // Statement objects are the innermost {...} holding an Action.
    for (const m of expr.matchAll(/\{[^{}]*\}/g)) {
      const body = m[0];
      if (!/"?Action"?\s*=/.test(body)) continue;
      if (/"?Effect"?\s*=\s*"Deny"/.test(body)) continue;
      if (star('Action', body) && star('Resource', body)) report('CKV_AWS_1', ADMIN_STATEMENT);
    }
  }

  /** data "aws_iam_policy_document": statement blocks with actions, resources, effect (default Allow). */
  private checkPolicyDocumentData(attrs: Record<string, any>, report: Report) {
    for (const st of asList(attrs.statement)) {
      if ((st.effect ?? 'Allow') !== 'Allow') continue;
      if (asList(st.actions).includes('*') && asList(st.resources).includes('*')) report('CKV_AWS_1', ADMIN_STATEMENT);
    }
  }

  private checkManagedPolicy(arn: unknown, report: Report) {
    if (typeof arn === 'string' && /:iam::aws:policy\/AdministratorAccess$/.test(arn)) {
      report('CKV_AWS_274', 'AdministratorAccess is attached; attach only what the hosts need');
    }
  }
}

/**
 * The text Terraform gets for a token (e.g. `${sensitive("…")}`, `${jsonencode({…})}`), as cdktf's
 * synth resolves it. cdktf does not export its resolver from the package root; `cdktf/lib/_tokens`
 * is the module its own synth uses. Any failure means "not judged".
 */
function resolveToken(scope: IConstruct, value: unknown): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { resolve } = require('cdktf/lib/_tokens') as { resolve: (scope: IConstruct, obj: unknown) => unknown };
  return resolve(scope, value);
}

type Report = (rule: string, message: string, severity?: FindingSeverity) => void;
const ADMIN_STATEMENT = 'a statement allows "*" on "*"; grant the actions the hosts need on the resources they use';

/**
 * User data as text to search: gzip undone, MIME multipart parts (cloud-init's multi-part
 * format) split and decoded, Ignition data URLs and cloud-config write_files expanded.
 */
function expandUserData(raw: Buffer, envFiles: string[], depth = 0): string {
  let bytes = raw;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      return '';
    }
  }
  const text = bytes.toString('utf8');
  const boundary = /^Content-Type:\s*multipart\/[a-z]+;[^\n]*boundary="?([^"\r\n;]+)"?/im.exec(text)?.[1];
  if (boundary && depth < 3) {
    const parts = text.split(`--${boundary}`).slice(1);
    return [text, ...parts.map((part) => {
      const split = part.search(/\r?\n\r?\n/);
      if (split < 0) return '';
      const headers = part.slice(0, split);
      const body = part.slice(split).replace(/^\r?\n\r?\n/, '').replace(/\r?\n$/, '');
      const decoded = /Content-Transfer-Encoding:\s*base64/i.test(headers) ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
      return expandUserData(decoded, envFiles, depth + 1);
    })].join('\n');
  }
  return expandCloudConfigFiles(expandDataUrls(text, envFiles), envFiles);
}

/** The env files the library writes for containers (paths.ts containerEnvFile). */
const CONTAINER_ENV_FILE = new RegExp(`^${CONTAINER_ENV_DIR.replace(/[.-]/g, '\\$&')}/[^/]+\\.env$`);

/** Ignition carries file contents in data URLs: decode them so secrets inside files are found too. */
function expandDataUrls(text: string, envFiles: string[]): string {
  const parts = [text];
  if (text.startsWith('{')) {
    try {
      for (const f of asList(JSON.parse(text)?.storage?.files)) {
        if (!CONTAINER_ENV_FILE.test(String(f?.path)) || typeof f?.contents?.source !== 'string') continue;
        const m = /^data:([^,]*),(.*)$/s.exec(f.contents.source);
        if (!m) continue;
        let bytes = m[1].endsWith(';base64') ? Buffer.from(m[2], 'base64') : Buffer.from(decodeURIComponent(m[2]), 'utf8');
        if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
        envFiles.push(bytes.toString('utf8'));
      }
    } catch {
      // not an Ignition config: searched as text only
    }
  }
  for (const m of text.matchAll(/"source":"data:([^,"]*),([^"]*)"/g)) {
    try {
      let bytes = m[1].endsWith(';base64') ? Buffer.from(m[2], 'base64') : Buffer.from(decodeURIComponent(m[2]), 'utf8');
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      parts.push(bytes.toString('utf8'));
    } catch {
      // not decodable: the raw text is still searched
    }
  }
  return parts.join('\n');
}

/** cloud-config write_files may be gzip+base64: decode them so secrets inside files are found too. */
function expandCloudConfigFiles(text: string, envFiles: string[]): string {
  if (!/^#(cloud|alpine)-config\n/.test(text)) return text;
  const parts = [text];
  try {
    // Loaded here, on first use: apps without cloud-config user data never load the YAML library.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse: parseYaml } = require('yaml') as typeof import('yaml');
    for (const f of asList(parseYaml(text)?.write_files)) {
      if (typeof f?.content !== 'string') continue;
      const enc = String(f.encoding ?? '');
      let bytes = /b64|base64/.test(enc) ? Buffer.from(f.content, 'base64') : Buffer.from(f.content, 'utf8');
      if (/gz/.test(enc)) bytes = gunzipSync(bytes);
      parts.push(bytes.toString('utf8'));
      if (CONTAINER_ENV_FILE.test(String(f.path))) envFiles.push(bytes.toString('utf8'));
    }
  } catch {
    // not parseable: the raw text is still searched
  }
  return parts.join('\n');
}
