/**
 * Which dmacvicar/libvirt version a libvirt fleet is synthesized for: the one asked for
 * (`providerVersion`), else the version of the stack's libvirt provider (`LibvirtProvider`:
 * 0.8.3, `LibvirtProvider09`: 0.9.7), else 0.9.7. An app that built its fleets with
 * `LibvirtProvider` before 0.9 existed therefore still synthesizes them for 0.8.3, byte for byte.
 *
 * A fleet for another version than the stack's provider would pin two versions of one provider
 * in one stack, which Terraform cannot install: that is an error naming both.
 */
import { TerraformProvider, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { FleetConfigError } from '../../core/fleet-config-error';
import { LibvirtProviderVersion } from './provider-version';

const VERSIONS: readonly string[] = Object.values(LibvirtProviderVersion);
const PROVIDER_CLASS: Record<LibvirtProviderVersion, string> = {
  [LibvirtProviderVersion.V0_8_3]: 'LibvirtProvider',
  [LibvirtProviderVersion.V0_9_7]: 'LibvirtProvider09',
};

/** The errors of the choice (each with a stable code). */
export const ProviderChoiceErrors = {
  badVersion: (p: string, v: unknown) => new FleetConfigError(p, v,
    `allowed values: ${VERSIONS.map((x) => `'${x}'`).join(', ')} (LibvirtProviderVersion.V0_8_3, LibvirtProviderVersion.V0_9_7)`,
    'BAD_LIBVIRT_PROVIDER_VERSION'),
  mismatch: (p: string, v: unknown, provider: string, version: string) => new FleetConfigError(p, v,
    `the stack's libvirt provider ${provider} is dmacvicar/libvirt ${version}, and one stack can pin only one version: `
    + `use ${PROVIDER_CLASS[v as LibvirtProviderVersion] ?? 'the matching provider class'} for ${String(v)}, or leave providerVersion out to follow the provider`,
    'LIBVIRT_PROVIDER_MISMATCH'),
  unsupportedProvider: (p: string, v: unknown, provider: string, version: string) => new FleetConfigError(p, v,
    `the stack's libvirt provider ${provider} is dmacvicar/libvirt ${version || '(no version)'}; libvirt fleets are made for `
    + `${VERSIONS.join(' and ')}: use LibvirtProvider (0.8.3) or LibvirtProvider09 (0.9.7)`,
    'LIBVIRT_PROVIDER_MISMATCH'),
  mixedProviders: (p: string, found: string[]) => new FleetConfigError(p, found.join(', '),
    'every libvirt provider of a stack must be the same dmacvicar/libvirt version (LibvirtProvider is 0.8.3, LibvirtProvider09 is 0.9.7)',
    'LIBVIRT_PROVIDER_MISMATCH'),
};

/** The libvirt providers of the stack holding `scope`, with the version each pins. */
function libvirtProvidersOf(scope: Construct): { path: string; version: string }[] {
  let stack: TerraformStack;
  try {
    stack = TerraformStack.of(scope);
  } catch {
    return [];
  }
  return stack.node.findAll()
    .filter((c): c is TerraformProvider => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === 'libvirt')
    .map((p) => ({ path: p.node.path, version: String(p.terraformGeneratorMetadata?.providerVersion ?? '') }));
}

/**
 * The version a fleet is synthesized for (see the file comment). `property` names the prop in
 * messages (e.g. `providerVersion`).
 */
export function libvirtProviderVersionOf(scope: Construct, property: string, requested: unknown): LibvirtProviderVersion {
  if (requested !== undefined && !VERSIONS.includes(requested as string)) throw ProviderChoiceErrors.badVersion(property, requested);
  const providers = libvirtProvidersOf(scope);
  const versions = [...new Set(providers.map((p) => p.version))];
  if (versions.length > 1) throw ProviderChoiceErrors.mixedProviders(property, providers.map((p) => `${p.path} (${p.version})`));
  const stackVersion = versions[0];
  if (stackVersion !== undefined && !VERSIONS.includes(stackVersion)) {
    throw ProviderChoiceErrors.unsupportedProvider(property, requested, providers[0].path, stackVersion);
  }
  if (requested === undefined) {
    return (stackVersion as LibvirtProviderVersion | undefined) ?? LibvirtProviderVersion.V0_9_7;
  }
  if (stackVersion !== undefined && stackVersion !== requested) throw ProviderChoiceErrors.mismatch(property, requested, providers[0].path, stackVersion);
  return requested as LibvirtProviderVersion;
}
