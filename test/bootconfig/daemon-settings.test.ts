/**
 * daemon.json as the merge of the library's defaults and the user's settings: log options follow
 * the log driver they belong to (dockerd refuses an option its driver does not take).
 */
import { AlpineBootstrap, ContainerOs, HostConfig } from '../../lib';
import { mergeDaemonSettings } from '../../lib/bootconfig/daemon-settings';
import { cloudConfigFile } from '../helpers/payloads';

const ROTATION = { 'log-driver': 'json-file', 'log-opts': { 'max-size': '10m', 'max-file': '3' } };

function alpineDaemonJson(settings: Record<string, unknown>): Record<string, unknown> {
  const doc = ContainerOs.alpine({ bootstrap: AlpineBootstrap.CLOUD_INIT }).renderFirstBoot(new HostConfig({ dockerDaemonSettings: settings })).content;
  return JSON.parse(cloudConfigFile(doc, '/etc/docker/daemon.json')!);
}

describe('Docker daemon settings merge', () => {
  test('a user driver that takes no rotation options drops the default json-file options', () => {
    expect(mergeDaemonSettings(ROTATION, { 'log-driver': 'syslog' })).toEqual({ 'log-driver': 'syslog' });
    expect(mergeDaemonSettings(ROTATION, { 'log-driver': 'journald' })).toEqual({ 'log-driver': 'journald' });
  });

  test('the local driver keeps the rotation options it shares with json-file', () => {
    expect(mergeDaemonSettings(ROTATION, { 'log-driver': 'local' })).toEqual({ 'log-driver': 'local', 'log-opts': { 'max-size': '10m', 'max-file': '3' } });
  });

  test('the user\'s own log options win whole, with or without a new driver', () => {
    expect(mergeDaemonSettings(ROTATION, { 'log-driver': 'syslog', 'log-opts': { tag: 'x' } })).toEqual({ 'log-driver': 'syslog', 'log-opts': { tag: 'x' } });
    expect(mergeDaemonSettings(ROTATION, { 'log-opts': { 'max-size': '50m' } })).toEqual({ 'log-driver': 'json-file', 'log-opts': { 'max-size': '50m' } });
  });

  test('naming the default driver again keeps its options, and other keys merge key by key', () => {
    expect(mergeDaemonSettings({ ...ROTATION, 'live-restore': true }, { 'log-driver': 'json-file', 'debug': true }))
      .toEqual({ ...ROTATION, 'live-restore': true, 'debug': true });
  });

  test.each(['syslog', 'journald', 'gelf', 'fluentd', 'awslogs', 'none'])('Alpine with log-driver %s writes no json-file options into daemon.json', (driver) => {
    const json = alpineDaemonJson({ 'log-driver': driver });
    expect(json['log-driver']).toBe(driver);
    expect(json).not.toHaveProperty('log-opts');
  });
});
