import { gunzipSync } from 'zlib';
import { Annotations, IAspect, TerraformResource, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { parse as parseYaml } from 'yaml';

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
   * Rules to skip, by checkov id (e.g. `['CKV_AWS_88']` for a fleet that needs public IPs).
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
  CKV_AWS_274: 'no role carries the AdministratorAccess managed policy',
};

const asList = (v: unknown): any[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const isTrue = (v: unknown) => v === true || v === 'true';

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
    this.severity = props.severity ?? FindingSeverity.ERROR;
    this.skip = new Set(props.skip ?? []);
  }

  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource)) return;
    const type = node.terraformResourceType;
    const body = (node.toTerraform() as any).resource?.[type];
    if (!body) return;
    const attrs = Object.values(body)[0] as Record<string, any>;
    const report = (rule: string, message: string) => {
      if (this.skip.has(rule)) return;
      const finding = { rule, path: node.node.path, resourceType: type, message: `${rule}: ${message}` };
      if (this.findings.some((f) => f.rule === rule && f.path === finding.path)) return;
      this.findings.push(finding);
      if (this.severity === FindingSeverity.ERROR) Annotations.of(node).addError(finding.message);
      else Annotations.of(node).addWarning(finding.message);
    };
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
          if (isTrue(ni.associate_public_ip_address)) report('CKV_AWS_88', 'network interfaces get a public IP; put the hosts behind a load balancer or NAT instead');
        }
        this.checkUserData(attrs.user_data, report);
        break;
      case 'aws_instance':
        this.checkMetadata(attrs.metadata_options, report);
        if (isTrue(attrs.associate_public_ip_address)) report('CKV_AWS_88', 'the instance gets a public IP');
        for (const d of asList(attrs.root_block_device).concat(asList(attrs.ebs_block_device))) {
          if (!Token.isUnresolved(d.encrypted) && !isTrue(d.encrypted)) report('CKV_AWS_8', `volume ${d.device_name ?? '(root)'} is not encrypted`);
        }
        this.checkUserData(attrs.user_data_base64 ?? (attrs.user_data ? Buffer.from(String(attrs.user_data)).toString('base64') : undefined), report);
        break;
      case 'aws_ebs_volume':
        if (!Token.isUnresolved(attrs.encrypted) && !isTrue(attrs.encrypted)) report('CKV_AWS_3', 'the volume is not encrypted; set encrypted = true');
        break;
      case 'aws_security_group':
        for (const rule of asList(attrs.ingress)) this.checkIngress(rule, report);
        break;
      case 'aws_security_group_rule':
        if (attrs.type === 'ingress') this.checkIngress(attrs, report);
        break;
      case 'aws_vpc_security_group_ingress_rule':
        this.checkIngress({ ...attrs, cidr_blocks: asList(attrs.cidr_ipv4), ipv6_cidr_blocks: asList(attrs.cidr_ipv6), protocol: attrs.ip_protocol }, report);
        break;
      case 'aws_iam_role_policy':
      case 'aws_iam_policy':
      case 'aws_iam_user_policy':
      case 'aws_iam_group_policy':
        this.checkPolicyDocument(attrs.policy, report);
        break;
      case 'aws_iam_role':
        for (const p of asList(attrs.inline_policy)) this.checkPolicyDocument(p.policy, report);
        for (const arn of asList(attrs.managed_policy_arns)) this.checkManagedPolicy(arn, report);
        break;
      case 'aws_iam_role_policy_attachment':
      case 'aws_iam_policy_attachment':
        this.checkManagedPolicy(attrs.policy_arn, report);
        break;
    }
  }

  private checkMetadata(options: unknown, report: (rule: string, message: string) => void) {
    const opts = asList(options)[0] ?? {};
    if (Token.isUnresolved(opts.http_tokens)) return;
    if (opts.http_tokens !== 'required') report('CKV_AWS_79', `metadata_options.http_tokens is ${JSON.stringify(opts.http_tokens ?? 'optional (the default)')}; set it to "required"`);
  }

  private checkIngress(rule: any, report: (rule: string, message: string) => void) {
    const cidrs = [...asList(rule.cidr_blocks), ...asList(rule.ipv6_cidr_blocks)];
    const open = cidrs.filter((c) => c === '0.0.0.0/0' || c === '::/0');
    if (!open.length) return;
    const from = Number(rule.from_port);
    const to = Number(rule.to_port);
    const allPorts = String(rule.protocol) === '-1' || String(rule.protocol).toLowerCase() === 'all';
    if (allPorts || (Number.isFinite(from) && Number.isFinite(to) && from <= 22 && to >= 22)) {
      report('CKV_AWS_24', `port 22 is open to ${open.join(' and ')}; allow SSH only from known networks (sshIngressCidrs)`);
    }
  }

  private checkUserData(base64: unknown, report: (rule: string, message: string) => void) {
    if (typeof base64 !== 'string' || Token.isUnresolved(base64)) return;
    let bytes = Buffer.from(base64, 'base64');
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      try {
        bytes = gunzipSync(bytes);
      } catch {
        return;
      }
    }
    const text = expandCloudConfigFiles(expandDataUrls(bytes.toString('utf8')));
    const secrets: Array<[RegExp, string]> = [
      [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
      [/aws_secret_access_key|AWS_SECRET_ACCESS_KEY/, 'an AWS secret access key'],
      [/-----BEGIN (RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----/, 'a private key'],
    ];
    for (const [re, what] of secrets) {
      if (re.test(text)) report('CKV_AWS_46', `user data contains ${what}; use an instance role and fetch secrets at boot (e.g. from SSM Parameter Store)`);
    }
  }

  private checkPolicyDocument(policy: unknown, report: (rule: string, message: string) => void) {
    if (typeof policy !== 'string' || Token.isUnresolved(policy)) return;
    let doc: any;
    try {
      doc = JSON.parse(policy);
    } catch {
      return;
    }
    for (const st of asList(doc.Statement)) {
      if (st.Effect !== 'Allow') continue;
      const actions = asList(st.Action);
      const resources = asList(st.Resource);
      if (actions.includes('*') && resources.includes('*')) report('CKV_AWS_1', 'a statement allows "*" on "*"; grant the actions the hosts need on the resources they use');
    }
  }

  private checkManagedPolicy(arn: unknown, report: (rule: string, message: string) => void) {
    if (typeof arn === 'string' && /:iam::aws:policy\/AdministratorAccess$/.test(arn)) {
      report('CKV_AWS_274', 'AdministratorAccess is attached; attach only what the hosts need');
    }
  }
}

/** Ignition carries file contents in data URLs: decode them so secrets inside files are found too. */
function expandDataUrls(text: string): string {
  const parts = [text];
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
function expandCloudConfigFiles(text: string): string {
  if (!/^#(cloud|alpine)-config\n/.test(text)) return text;
  const parts = [text];
  try {
    for (const f of asList(parseYaml(text)?.write_files)) {
      if (typeof f?.content !== 'string') continue;
      const enc = String(f.encoding ?? '');
      let bytes = /b64|base64/.test(enc) ? Buffer.from(f.content, 'base64') : Buffer.from(f.content, 'utf8');
      if (/gz/.test(enc)) bytes = gunzipSync(bytes);
      parts.push(bytes.toString('utf8'));
    }
  } catch {
    // not parseable: the raw text is still searched
  }
  return parts.join('\n');
}
