// The benchmark's host configs: the rich one the issue names (10 files, 5 units, 3 containers,
// Docker settings) and a plain one for fleets.
const { HostConfig } = require(process.env.BENCH_LIB ?? '../../lib');

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKBunUBgAyKha6U6Hmuj/wlEBWhfpTlxciaPbg7ZIrWG ops@example';

function benchHost(rich, { units = true, files = true, daemon = true, qualified = false } = {}) {
  const host = new HostConfig({
    sshAuthorizedKeys: [KEY],
    sysctls: { 'vm.max_map_count': '262144', 'net.core.somaxconn': '4096' },
    dockerDaemonSettings: daemon ? { 'max-concurrent-downloads': 6, 'registry-mirrors': ['https://mirror.example.com'] } : undefined,
  });
  const img = (i) => (qualified ? `docker.io/library/${i}` : i);
  if (!rich) {
    host.addContainer({ name: 'web', image: img('nginx:1.27'), ports: qualified ? undefined : ['80:80'] });
    return host;
  }
  if (files) {
    for (let i = 0; i < 10; i++) {
      host.addFile({ path: `/etc/app/conf.d/${i}.yaml`, content: `# service ${i}\nlisten: 0.0.0.0:${8000 + i}\nworkers: ${i + 2}\nlog_level: info\nupstreams:\n  - http://10.0.${i}.10:9000\n  - http://10.0.${i}.11:9000\n` });
    }
  }
  if (units) {
    for (let i = 0; i < 5; i++) {
      host.addSystemdUnit({ name: `job-${i}.service`, contents: `[Unit]\nDescription=Job ${i}\nAfter=network-online.target\n\n[Service]\nType=oneshot\nExecStart=/usr/bin/echo job ${i}\n\n[Install]\nWantedBy=multi-user.target\n` });
    }
  }
  host.addContainer(qualified ? { name: 'web', image: img('nginx:1.27') } : { name: 'web', image: 'nginx:1.27', ports: ['80:80'], volumes: ['/srv/www:/usr/share/nginx/html:ro'] });
  host.addContainer(qualified ? { name: 'api', image: 'ghcr.io/example/api:2.4.1' } : { name: 'api', image: 'ghcr.io/example/api:2.4.1', ports: ['8080:8080'], environment: { LOG_LEVEL: 'info', DB_HOST: 'db.internal' } });
  host.addContainer({ name: 'metrics', image: img('prom/node-exporter:v1.8.2') });
  return host;
}

module.exports = { benchHost };
