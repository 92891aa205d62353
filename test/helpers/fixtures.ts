import { HostConfig } from '../../lib';

/** Real public keys made with ssh-keygen for these tests (the private halves were discarded). */
export const ED25519_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKBunUBgAyKha6U6Hmuj/wlEBWhfpTlxciaPbg7ZIrWG ops@example';
export const RSA_KEY = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC6I4T3IZHukZ72sfMbNmaBFQhIIvohPeNdKgfaN+7ebijf0S7tHUMABCCR2M7rUeu5N0YNKfz1Ji1BSQwJAKfun4EW91ixEgmu+jI1/i+YgjxrnmOAC4kYQ3ZdoNFMIqGU0dgETclNX9KuBDMOuxFlBrOPtFRdgzuGZJzyx8O2roKffJ2lyAfVn2FOtYz0kyqBWQIvAaC1hksVs8CLzeF4VU7bt3DPzYzkeCJpt6VcFx2LtXQMlPJl467g6j45CHfPHGIzLjtXkMS02GbG8U7zKR9KuClrAU1UqDCnqKd9urRHeFMFa8vKRfbdmsMo5GAJaQ5olS7WH3nLLfD3nNC3 deploy@example';

export interface RichOptions {
  readonly units?: boolean;
  readonly files?: boolean;
  readonly daemon?: boolean;
  readonly timeZone?: boolean;
  readonly qualifiedImages?: boolean;
  readonly containerExtras?: boolean;
}

/**
 * A rich HostConfig: keys, files (text and binary), units with a drop-in, containers, docker
 * settings, sysctls and a time zone. Options drop what an OS cannot express (Bottlerocket).
 */
export function richHostConfig(o: RichOptions = {}): HostConfig {
  const all = { units: true, files: true, daemon: true, timeZone: true, qualifiedImages: false, containerExtras: true, ...o };
  const host = new HostConfig({
    sshAuthorizedKeys: [ED25519_KEY],
    sysctls: { 'vm.max_map_count': '262144', 'net.ipv4.ip_forward': '1' },
    dockerDaemonSettings: all.daemon ? { 'max-concurrent-downloads': 6, 'registry-mirrors': ['https://mirror.example.com'] } : undefined,
    timeZone: all.timeZone ? 'Europe/Berlin' : undefined,
  });
  host.addSshAuthorizedKey(RSA_KEY);
  if (all.files) {
    host.addFile({ path: '/etc/app/config.yaml', content: 'listen: 0.0.0.0:8080\nlog: info\n', mode: 0o640 });
    host.addFile({ path: '/etc/app/large.txt', content: 'The quick brown fox jumps over the lazy dog.\n'.repeat(40) });
    host.addFile({ path: '/opt/app/blob.bin', contentBase64: Buffer.from([0, 1, 2, 255, 254, 10, 13, 0x25]).toString('base64'), mode: 0o600 });
  }
  if (all.units) {
    host.addSystemdUnit({
      name: 'hello.service',
      contents: '[Unit]\nDescription=Say hello\n\n[Service]\nType=oneshot\nExecStart=/usr/bin/echo hello\n\n[Install]\nWantedBy=multi-user.target\n',
    });
    host.addSystemdDropIn({ unit: 'docker.service', name: '10-limits.conf', contents: '[Service]\nLimitNOFILE=1048576\n' });
  }
  const img = (s: string) => (all.qualifiedImages ? `docker.io/library/${s}` : s);
  host.addContainer(all.containerExtras ? {
    name: 'web',
    image: img('nginx:1.27'),
    ports: ['80:80', '127.0.0.1:8443:443/tcp'],
    environment: { NGINX_HOST: 'example.com', QUOTED: `it's "quoted" $HOME 100%` },
    volumes: ['/srv/www:/usr/share/nginx/html:ro', 'cache:/var/cache/nginx'],
    command: ['nginx', '-g', 'daemon off;'],
  } : { name: 'web', image: img('nginx:1.27') });
  host.addContainer({ name: 'metrics', image: img('prom/node-exporter:v1.8.2') });
  return host;
}
