/**
 * Two containers of one host cannot publish one host port (the second would restart-loop with
 * "port is already allocated"); a container on host port 22 and unpinned images get warnings.
 */
import { ContainerOs, FleetConfigErrors, HostConfig } from '../../lib';
import { thrown } from '../helpers/error-codes';


function hostWith(...ports: string[][]): HostConfig {
  const h = new HostConfig();
  ports.forEach((p, i) => h.addContainer({ name: `c${i}`, image: 'nginx:1.27', ports: p }));
  return h;
}

describe('host ports of a host\'s containers', () => {
  test('fails when a second container publishes the same host port, naming both', () => {
    const e = thrown(() => hostWith(['80:80'], ['80:8080']));
    expect(FleetConfigErrors.codeOf(e)).toBe('HOST_PORT_TAKEN');
    expect(e.message).toMatch(/^containers\[1\]\.ports\[0\]: got "80:8080"; container 'c0' already publishes this host port \('80:80'\)/);
  });

  test('fails when host port ranges overlap', () => {
    const e = thrown(() => hostWith(['8000-8010:8000-8010'], ['9000:90', '8010-8020:8010-8020']));
    expect(FleetConfigErrors.codeOf(e)).toBe('HOST_PORT_TAKEN');
    expect(e.message).toContain('containers[1].ports[1]');
  });

  test('fails when one container publishes on every address and the other on one', () => {
    expect(FleetConfigErrors.codeOf(thrown(() => hostWith(['127.0.0.1:53:53/udp'], ['53:5353/udp'])))).toBe('HOST_PORT_TAKEN');
    expect(FleetConfigErrors.codeOf(thrown(() => hostWith(['0.0.0.0:80:80'], ['10.0.0.5:80:80'])))).toBe('HOST_PORT_TAKEN');
  });

  test('fails when one container publishes one host port twice', () => {
    expect(FleetConfigErrors.codeOf(thrown(() => hostWith(['80:80', '80:81'])))).toBe('HOST_PORT_TAKEN');
  });

  test('accepts the same port on two protocols, on two host addresses, and ports Docker picks', () => {
    expect(() => hostWith(['53:53/udp'], ['53:53/tcp'])).not.toThrow();
    expect(() => hostWith(['127.0.0.1:8080:80'], ['127.0.0.2:8080:80'])).not.toThrow();
    expect(() => hostWith(['80'], ['80'], ['127.0.0.1::80'])).not.toThrow();
    expect(() => hostWith(['8000-8010:8000-8010'], ['8011:80'])).not.toThrow();
  });

  test('warns on a container that publishes host port 22', () => {
    const { warnings } = ContainerOs.flatcar().renderFirstBoot(hostWith(['22:22']));
    expect(warnings.filter((w) => w.includes('host port 22'))).toEqual([expect.stringContaining("container 'c0'")]);
    expect(ContainerOs.flatcar().renderFirstBoot(hostWith(['2222:22'])).warnings.filter((w) => w.includes('host port 22'))).toEqual([]);
  });
});

describe('container images', () => {
  const warningsFor = (image: string) => {
    const h = new HostConfig();
    h.addContainer({ name: 'app', image });
    return ContainerOs.fedoraCoreOs().renderFirstBoot(h).warnings.filter((w) => w.includes("image '"));
  };

  test.each(['nginx', 'nginx:latest', 'localhost:5000/app', 'ghcr.io/org/app:latest'])('warns on %s (no tag or latest)', (image) => {
    expect(warningsFor(image)).toEqual([expect.stringContaining(`container 'app': image '${image}'`)]);
  });

  test.each(['nginx:1.27', 'localhost:5000/app:2', `ghcr.io/org/app@sha256:${'a'.repeat(64)}`])('does not warn on %s', (image) => {
    expect(warningsFor(image)).toEqual([]);
  });
});
