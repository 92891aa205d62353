/**
 * What Terraform does to a resource when its arguments change, per provider: the arguments that
 * force a replacement (SDKv2 `ForceNew`, Plugin Framework `RequiresReplace`), and what an update
 * in place does to a running host. `diff` reads a fleet's resources against these tables
 * (host-impact.ts). Data, not code: a new provider line is a new entry.
 */

/** Every argument forces replacement (the resource has no update). */
export const EVERY_ARGUMENT = '*';

/** What an in-place update of one resource type does. */
export interface UpdateBehaviour {
  /** what the update does, as the diff says it */
  readonly text: string;
  /** true when the hosts see it (a restart, or an apply that fails) */
  readonly onHosts: boolean;
}

export interface ProviderRules {
  /** the provider as `diff` names it */
  readonly provider: string;
  /** where the facts were read (upstream source) */
  readonly source: string;
  /**
   * Resource type → the argument paths (dotted, list indices left out) whose change replaces
   * the resource; a block's path covers everything inside it. EVERY_ARGUMENT: all of them.
   */
  readonly replaceForcing: Readonly<Record<string, readonly string[] | typeof EVERY_ARGUMENT>>;
  /** Resource type → what an update in place does (default: applied in place, not on the hosts). */
  readonly update: Readonly<Record<string, UpdateBehaviour>>;
}

/**
 * dmacvicar/libvirt 0.8.3 (SDKv2): the `ForceNew` flags of the schema maps in
 * https://github.com/dmacvicar/terraform-provider-libvirt/tree/v0.8.3/libvirt
 * (resource_libvirt_domain.go, resource_libvirt_network.go, resource_libvirt_volume.go,
 * resource_libvirt_pool.go, resource_libvirt_cloud_init.go, resource_libvirt_coreos_ignition.go,
 * resource_libvirt_combustion.go). Volumes, Ignition, cloud-init and combustion disks have no Update
 * function (every argument ForceNew); the pool's `target.path` is replaced through CustomizeDiff.
 * `resourceLibvirtDomainUpdate` applies only `cloudinit`, `autostart` and the network's DHCP host
 * entries of changed interfaces, to the running domain.
 */
export const LIBVIRT_0_8_3: ProviderRules = {
  provider: 'dmacvicar/libvirt 0.8.3',
  source: 'terraform-provider-libvirt v0.8.3 libvirt/resource_libvirt_*.go (ForceNew)',
  replaceForcing: {
    libvirt_domain: ['name', 'description', 'vcpu', 'memory', 'firmware', 'type', 'nvram', 'coreos_ignition', 'fw_cfg_name',
      'filesystem', 'disk', 'graphics', 'console', 'cpu', 'cmdline', 'tpm', 'xml'],
    libvirt_network: ['name', 'domain', 'mode', 'bridge', 'addresses', 'dhcp', 'dns.forwarders', 'dns.srvs', 'routes', 'xml'],
    libvirt_volume: EVERY_ARGUMENT,
    libvirt_pool: EVERY_ARGUMENT,
    libvirt_ignition: EVERY_ARGUMENT,
    libvirt_cloudinit_disk: EVERY_ARGUMENT,
    libvirt_combustion: EVERY_ARGUMENT,
    terraform_data: ['triggers_replace'],
  },
  update: {
    libvirt_domain: {
      text: 'updated in place while it runs (the provider applies only autostart, cloudinit and the network\'s DHCP host entries)',
      onHosts: false,
    },
  },
};

/**
 * dmacvicar/libvirt 0.9.7 (Plugin Framework): the `RequiresReplace` plan modifiers of
 * https://github.com/dmacvicar/terraform-provider-libvirt/tree/v0.9.7/internal/provider (as
 * `terraform providers schema -json` reports them; no nested attribute has one). Updates, from the
 * same source: `DomainResource.Update` stops a running domain, redefines its XML and starts it again;
 * the volume's and pool's Update return "Update Not Supported"; the network's applies `autostart` only.
 */
export const LIBVIRT_0_9_7: ProviderRules = {
  provider: 'dmacvicar/libvirt 0.9.7',
  source: 'terraform-provider-libvirt v0.9.7 internal/provider (RequiresReplace)',
  replaceForcing: {
    libvirt_domain: ['name', 'type'],
    libvirt_network: ['name'],
    libvirt_pool: ['name', 'type'],
    libvirt_volume: ['name', 'pool'],
    libvirt_ignition: EVERY_ARGUMENT,
    libvirt_cloudinit_disk: EVERY_ARGUMENT,
    libvirt_combustion: EVERY_ARGUMENT,
    terraform_data: ['triggers_replace'],
  },
  update: {
    libvirt_domain: { text: 'stopped, redefined and started again: the host restarts', onHosts: true },
    libvirt_volume: { text: 'fails at apply (the provider has no volume update: "Update Not Supported")', onHosts: true },
    libvirt_pool: { text: 'fails at apply (the provider has no pool update: "Update Not Supported")', onHosts: true },
    libvirt_network: { text: 'updated in place (the provider applies only autostart)', onHosts: false },
  },
};

/** The rules of a libvirt fleet's provider version; undefined when the version is not one of these. */
export function libvirtRules(version: string | undefined): ProviderRules | undefined {
  return [LIBVIRT_0_8_3, LIBVIRT_0_9_7].find((r) => r.provider.endsWith(` ${version}`));
}

/**
 * What a replacement of each resource type means for the hosts, as `diff` says it; a type not
 * listed here is a replacement that does not reach the hosts.
 */
export const REPLACEMENT_ON_HOSTS: Readonly<Record<string, string>> = {
  libvirt_domain: 'each domain is destroyed and defined again: the host is shut off and boots from its volumes',
  libvirt_volume: 'each volume is deleted and created again: what the host wrote on it is lost',
  libvirt_network: 'the hosts\' network is destroyed and created again',
  libvirt_pool: 'the storage pool of the hosts\' volumes is deleted and created again',
  libvirt_ignition: 'a new first-boot payload',
  libvirt_cloudinit_disk: 'a new first-boot payload',
  libvirt_combustion: 'a new first-boot payload',
};

/**
 * hashicorp/aws: the `ForceNew` arguments of the auto scaling group
 * (https://github.com/hashicorp/terraform-provider-aws internal/service/autoscaling/group.go:
 * `name`, `name_prefix`, `initial_lifecycle_hook`; the AWS API cannot rename a group). A new
 * group launches new instances; without `create_before_destroy` Terraform destroys the old
 * group, and with it every host, first.
 */
export const AWS_REPLACE_FORCING: Readonly<Record<string, readonly string[]>> = {
  aws_autoscaling_group: ['name', 'name_prefix', 'initial_lifecycle_hook'],
};
