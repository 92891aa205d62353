"""Runs the Bottlerocket update runbook's step scripts, as they stand in a synthesized document,
against botocore's Stubber on real ECS and SSM clients, so every call and parameter is checked
against botocore's service models, and walks the whole runbook with a small Automation
interpreter (branches, outputs, onFailure, maxAttempts) on a fake clock.

Usage: python3 bottlerocket_runbook_steps_test.py FIXTURE.json [unittest args]
FIXTURE.json (written by test/platforms/aws/ecs/update-window.test.ts):
  {"document": <the runbook>, "policy": <the role's policy>, "serviceActions": [...],
   "cluster": "...", "serviceNames": [...]}
"""
import copy
import json
import re
import sys
import unittest
from datetime import datetime, timezone

import botocore.session
from botocore.stub import ANY, Stubber

FIXTURE = json.load(open(sys.argv[1]))
DOC = FIXTURE['document']
STEPS = {s['name']: s for s in DOC['mainSteps']}
CLUSTER = FIXTURE['cluster']
SERVICES = FIXTURE['serviceNames']
# the fleet's values the maintenance window task passes as the runbook's parameters
PARAMETERS = FIXTURE['parameters']
IID = 'i-0123456789abcdef0'
CI_ARN = 'arn:aws:ecs:us-east-1:123456789012:container-instance/' + CLUSTER + '/0123456789abcdef0123456789abcdef'
# Monday 2026-11-02 02:35 UTC: five minutes into the fixture's window (MON,THU 02:30 +90m).
MONDAY_0235 = datetime(2026, 11, 2, 2, 35, tzinfo=timezone.utc).timestamp()
SESSION = botocore.session.get_session()
# SSM command IDs are 36-character UUIDs (ssm model, CommandId min length 36)
CMD = '11111111-0000-4000-8000-000000000001'
CMD_APPLY = '11111111-0000-4000-8000-000000000002'
CMD_REBOOT = '11111111-0000-4000-8000-000000000003'
CMD_PROBE = '11111111-0000-4000-8000-000000000004'


def client(service):
    return SESSION.create_client(service, region_name='us-east-1', aws_access_key_id='test', aws_secret_access_key='test')


def commands(step, key='Commands'):
    return STEPS[step]['inputs']['InputPayload'][key]


def check_output(state, active='1.26.1', chosen=None, staged=None, boot='11111111-2222-3333-4444-555555555555'):
    """What the CHECK script prints: its boot_id line, then `apiclient update check` (status.rs UpdateStatus)."""
    image = lambda v: {'arch': 'x86_64', 'version': v, 'variant': 'aws-ecs-2'}
    status = {
        'update_state': state,
        'available_updates': [v for v in [chosen, active] if v],
        'chosen_update': image(chosen) if chosen else None,
        'active_partition': {'image': image(active), 'next_to_boot': staged is None},
        'staging_partition': {'image': image(staged), 'next_to_boot': True} if staged else None,
        'most_recent_command': {'cmd_type': 'refresh', 'cmd_status': 'Success', 'timestamp': '2026-11-02T02:35:00Z',
                                'exit_status': 0, 'stderr': ''},
    }
    return 'boot_id=' + boot + '\n' + json.dumps(status, indent=2) + '\n'


def container_instance(status='ACTIVE', running=0, pending=0, connected=True, arn=CI_ARN, registered=1700000000):
    return {'containerInstanceArn': arn, 'ec2InstanceId': IID, 'status': status, 'runningTasksCount': running,
            'pendingTasksCount': pending, 'agentConnected': connected,
            'registeredAt': datetime.fromtimestamp(registered, timezone.utc)}


def task(n, last='RUNNING', started_by='ecs-svc/1234567890123456789'):
    return {'taskArn': 'arn:aws:ecs:us-east-1:123456789012:task/' + CLUSTER + '/task' + str(n), 'lastStatus': last, 'startedBy': started_by}


def checks(step, total):
    """How often a wait step checks until its deadline `total` seconds away, over its maxAttempts:
    every PollSeconds within an attempt of AttemptSeconds, at each attempt's end, and once at the
    start of each further attempt (the expected behaviour of the scripts' _wait)."""
    payload = STEPS[step]['inputs']['InputPayload']
    t, n = 0.0, 0
    for _ in range(STEPS[step]['maxAttempts']):
        stop = min(total, t + payload['AttemptSeconds'])
        while True:
            n += 1
            if t >= stop:
                break
            t += min(payload['PollSeconds'], stop - t)
    return n


class Clock:
    def __init__(self, t):
        self.t = float(t)

    def now(self):
        return self.t

    def sleep(self, seconds):
        assert seconds >= 0
        self.t += seconds


class Aws:
    """Stubbed ECS and SSM clients; each expected call is checked against botocore's model."""

    def __init__(self):
        self.ecs, self.ssm = client('ecs'), client('ssm')
        self.stubs = {'ecs': Stubber(self.ecs), 'ssm': Stubber(self.ssm)}
        for s in self.stubs.values():
            s.activate()

    def __getitem__(self, service):
        return {'ecs': self.ecs, 'ssm': self.ssm}[service]

    def expect(self, service, method, response, params=None):
        self.stubs[service].add_response(method, response, params)

    def fail(self, service, method, code, params=None):
        self.stubs[service].add_client_error(method, service_error_code=code, service_message=code, expected_params=params)

    def done(self):
        for s in self.stubs.values():
            s.assert_no_pending_responses()

    # --- the calls the steps make, with the parameters they must send -----------------------
    def find_instances(self, *found):
        self.expect('ecs', 'list_container_instances', {'containerInstanceArns': [c['containerInstanceArn'] for c in found]},
                    {'cluster': CLUSTER, 'filter': 'ec2InstanceId == ' + IID})
        if found:
            self.expect('ecs', 'describe_container_instances', {'containerInstances': list(found), 'failures': []},
                        {'cluster': CLUSTER, 'containerInstances': [c['containerInstanceArn'] for c in found]})

    def describe_instance(self, ci):
        self.expect('ecs', 'describe_container_instances', {'containerInstances': [ci], 'failures': []},
                    {'cluster': CLUSTER, 'containerInstances': [CI_ARN]})

    def tasks(self, desired, found, service=None):
        params = {'cluster': CLUSTER, 'containerInstance': CI_ARN, 'desiredStatus': desired}
        if service:
            params['serviceName'] = service
        self.expect('ecs', 'list_tasks', {'taskArns': [t['taskArn'] for t in found]}, params)
        if found:
            self.expect('ecs', 'describe_tasks', {'tasks': found, 'failures': []},
                        {'cluster': CLUSTER, 'tasks': [t['taskArn'] for t in found]})

    def set_state(self, status, arns=(CI_ARN,), failures=()):
        self.expect('ecs', 'update_container_instances_state', {'containerInstances': [], 'failures': list(failures)},
                    {'cluster': CLUSTER, 'containerInstances': list(arns), 'status': status})

    def send(self, lines, seconds, command_id=CMD):
        self.expect('ssm', 'send_command', {'Command': {'CommandId': command_id}}, {
            'InstanceIds': [IID], 'DocumentName': 'AWS-RunShellScript', 'TimeoutSeconds': 60,
            'Parameters': {'commands': list(lines), 'executionTimeout': [str(seconds)]}, 'Comment': ANY})

    def invocation(self, status, stdout='', stderr='', command_id=CMD):
        self.expect('ssm', 'get_command_invocation', {'CommandId': command_id, 'InstanceId': IID, 'Status': status,
                                                       'StandardOutputContent': stdout, 'StandardErrorContent': stderr},
                    {'CommandId': command_id, 'InstanceId': IID})


class Runbook:
    """Loads one step's own script (nothing else) with a fake clock and stubbed clients."""

    def __init__(self, clock, aws):
        self.clock, self.aws = clock, aws

    def handler(self, name):
        step = STEPS[name]
        ns = {'__name__': 'step_' + name}
        exec(compile(step['inputs']['Script'], name, 'exec'), ns)
        ns['_now'], ns['_sleep'], ns['_client'] = self.clock.now, self.clock.sleep, lambda service: self.aws[service]
        return ns[step['inputs']['Handler']]

    def events(self, name, values):
        values = {**PARAMETERS, **values}

        def resolve(v):
            if isinstance(v, str):
                m = re.fullmatch(r'\{\{\s*([A-Za-z0-9_.]+)\s*\}\}', v)
                if m:
                    if m.group(1) not in values:
                        raise KeyError(name + ' needs ' + m.group(1))
                    return values[m.group(1)]
                assert '{{' not in v, v
            return v
        return {k: resolve(v) for k, v in STEPS[name]['inputs']['InputPayload'].items()}

    def run(self, name, values, attempts=None):
        """One step with its maxAttempts: returns the payload or raises the last attempt's error."""
        handler, events = self.handler(name), self.events(name, values)
        errors = []
        for _ in range(attempts or STEPS[name].get('maxAttempts', 1)):
            try:
                return handler(copy.deepcopy(events), None)
            except RuntimeError as e:
                errors.append(str(e))
        raise StepError(name, errors)


class StepError(Exception):
    def __init__(self, step, errors):
        super().__init__(step + ': ' + errors[-1])
        self.step, self.errors = step, errors


def automation(clock, aws, params):
    """Runs mainSteps as SSM Automation would (automation-actions.md): next step in order unless
    nextStep/isEnd/branch says otherwise, maxAttempts, onFailure step:<name>, outputs by
    $.Payload.<key>. Returns (status, executed step names, outputs)."""
    rb, values, executed, failed = Runbook(clock, aws), dict(params), [], False
    names = [s['name'] for s in DOC['mainSteps']]
    i = 0
    while i < len(names):
        step = STEPS[names[i]]
        executed.append(step['name'])
        nxt = names[i + 1] if i + 1 < len(names) else None
        if step['action'] == 'aws:branch':
            nxt = step['inputs'].get('Default')
            for choice in step['inputs']['Choices']:
                variable = re.fullmatch(r'\{\{([A-Za-z0-9_.]+)\}\}', choice['Variable']).group(1)
                if values[variable] is choice['BooleanEquals']:
                    nxt = choice['NextStep']
                    break
        elif step['action'] == 'aws:sleep':
            clock.sleep(1)
        elif step['action'] == 'aws:executeScript':
            try:
                payload = rb.run(step['name'], values)
                for o in step.get('outputs', []):
                    key = o['Selector'][len('$.Payload.'):]
                    assert key in payload, step['name'] + ' returned no ' + key
                    kind = {'String': str, 'Integer': int, 'Boolean': bool}[o['Type']]
                    assert type(payload[key]) is kind, (step['name'], key, payload[key])
                    values[step['name'] + '.' + o['Name']] = payload[key]
            except StepError:
                failed = failed or step.get('isCritical', True)
                target = step.get('onFailure', 'Abort')
                if not target.startswith('step:'):
                    return 'Failed', executed, values
                nxt = target[len('step:'):]
                i = names.index(nxt)
                continue
        else:
            raise AssertionError('unexpected action ' + step['action'])
        if step.get('isEnd'):
            break
        nxt = step.get('nextStep', nxt)
        if nxt is None:
            break
        i = names.index(nxt)
    return ('Failed' if failed else 'Success'), executed, values


class StepTest(unittest.TestCase):
    def setUp(self):
        self.clock, self.aws = Clock(MONDAY_0235), Aws()
        self.rb = Runbook(self.clock, self.aws)

    def tearDown(self):
        self.aws.done()

    def gate(self, when, **overrides):
        self.clock.t = when
        events = dict(self.rb.events('WindowGate', {}), **overrides)
        return self.rb.handler('WindowGate')(events, None)


class WindowGateTest(StepTest):
    def test_a_host_starts_inside_the_window(self):
        out = self.gate(MONDAY_0235)
        self.assertTrue(out['Open'])
        self.assertEqual(out['WindowEnd'], MONDAY_0235 - 5 * 60 + 90 * 60)

    def test_no_host_starts_when_less_than_the_gate_is_left(self):
        out = self.gate(MONDAY_0235 + 66 * 60)  # 03:41, 19 minutes left
        self.assertFalse(out['Open'])
        self.assertIn('less than 20 minutes', out['Message'])
        self.assertTrue(self.gate(MONDAY_0235 + 65 * 60)['Open'])  # 03:40, 20 left

    def test_no_host_starts_outside_the_window(self):
        self.assertFalse(self.gate(MONDAY_0235 - 10 * 60)['Open'])  # 02:25, before Monday's opening
        self.assertFalse(self.gate(MONDAY_0235 + 24 * 3600)['Open'])  # Tuesday 02:35, no window on Tuesday

    def test_a_window_that_crosses_midnight_stays_open_after_it(self):
        sunday_2330 = datetime(2026, 11, 8, 23, 30, tzinfo=timezone.utc).timestamp()
        out = self.gate(sunday_2330 + 50 * 60, WindowDays='SUNDAY', WindowStartMinute=23 * 60 + 30, WindowMinutes=120)
        self.assertTrue(out['Open'])  # Monday 00:20: the window opened on Sunday
        self.assertEqual(out['WindowEnd'], sunday_2330 + 120 * 60)


class CheckForUpdateTest(StepTest):
    def check(self, output, status='Success', stderr=''):
        self.aws.send(commands('CheckForUpdate'), STEPS['CheckForUpdate']['inputs']['InputPayload']['CommandSeconds'])
        self.aws.fail('ssm', 'get_command_invocation', 'InvocationDoesNotExist', {'CommandId': CMD, 'InstanceId': IID})
        self.aws.invocation('InProgress')
        self.aws.invocation(status, output, stderr)
        return self.rb.run('CheckForUpdate', {'InstanceId': IID})

    def test_an_available_update_is_targeted_at_its_chosen_version(self):
        out = self.check(check_output('Available', chosen='1.26.2'))
        self.assertEqual((out['NeedsUpdate'], out['UpdateState'], out['ActiveVersion'], out['TargetVersion']),
                         (True, 'Available', '1.26.1', '1.26.2'))
        self.assertEqual(out['BootId'], '11111111-2222-3333-4444-555555555555')

    def test_an_update_already_applied_is_targeted_at_the_staged_version(self):
        out = self.check(check_output('Ready', staged='1.26.2'))
        self.assertEqual((out['NeedsUpdate'], out['TargetVersion']), (True, '1.26.2'))

    def test_no_update_needs_nothing(self):
        self.assertFalse(self.check(check_output('Idle'))['NeedsUpdate'])

    def test_fails_on_a_staged_update(self):
        with self.assertRaisesRegex(StepError, 'Staged'):
            self.check(check_output('Staged', chosen='1.26.2'))

    def test_fails_with_the_commands_stderr(self):
        with self.assertRaisesRegex(StepError, 'Failed.*apiclient: connection refused'):
            self.check('', status='Failed', stderr='apiclient: connection refused')


class DrainTest(StepTest):
    values = {'InstanceId': IID, 'WindowGate.WindowEnd': int(MONDAY_0235 + 85 * 60)}

    def test_drain_starts_for_a_host_that_runs_only_service_tasks(self):
        self.aws.find_instances(container_instance(running=2))
        self.aws.tasks('RUNNING', [task(1), task(2)])
        self.aws.set_state('DRAINING')
        out = self.rb.run('StartDrain', self.values)
        self.assertTrue(out['Drain'])
        self.assertEqual(out['ContainerInstanceArn'], CI_ARN)
        # 20 minutes of draining, but never later than the window's end minus the 15-minute reserve
        self.assertEqual(out['DrainDeadline'], int(MONDAY_0235 + 20 * 60))

    def test_the_drain_deadline_leaves_time_to_apply_and_reboot_before_the_window_ends(self):
        self.aws.find_instances(container_instance())
        self.aws.tasks('RUNNING', [])
        self.aws.set_state('DRAINING')
        out = self.rb.run('StartDrain', dict(self.values, **{'WindowGate.WindowEnd': int(MONDAY_0235 + 25 * 60)}))
        self.assertEqual(out['DrainDeadline'], int(MONDAY_0235 + 10 * 60))

    def test_a_host_with_a_standalone_task_is_skipped_not_drained(self):
        self.aws.find_instances(container_instance(running=2))
        self.aws.tasks('RUNNING', [task(1), task(2, started_by='nightly-batch')])
        out = self.rb.run('StartDrain', self.values)  # no DRAINING call: the Stubber has none queued
        self.assertFalse(out['Drain'])
        self.assertIn('task2', out['Message'])

    def test_fails_clearly_when_the_host_has_no_container_instance(self):
        self.aws.find_instances()
        with self.assertRaisesRegex(StepError, '0 container instances of ' + IID + ' in ECS cluster ' + CLUSTER):
            self.rb.run('StartDrain', self.values)

    def test_fails_when_ecs_refuses_draining(self):
        self.aws.find_instances(container_instance())
        self.aws.tasks('RUNNING', [])
        self.aws.set_state('DRAINING', failures=[{'arn': CI_ARN, 'reason': 'MISSING'}])
        with self.assertRaisesRegex(StepError, 'ECS refused DRAINING.*MISSING'):
            self.rb.run('StartDrain', self.values)

    def test_drain_waits_until_no_task_is_left_running_or_stopping(self):
        self.aws.describe_instance(container_instance('DRAINING', running=2))
        self.aws.describe_instance(container_instance('DRAINING', running=1, pending=1))
        self.aws.describe_instance(container_instance('DRAINING'))
        self.aws.tasks('STOPPED', [task(1, 'STOPPED'), task(2, 'DEPROVISIONING')])
        self.aws.describe_instance(container_instance('DRAINING'))
        self.aws.tasks('STOPPED', [task(1, 'STOPPED'), task(2, 'STOPPED')])
        start = self.clock.t
        out = self.rb.run('WaitForDrain', {'StartDrain.ContainerInstanceArn': CI_ARN, 'StartDrain.DrainDeadline': start + 1200})
        self.assertEqual(out, {'Drained': True})
        self.assertEqual(self.clock.t - start, 3 * STEPS['WaitForDrain']['inputs']['InputPayload']['PollSeconds'])

    def test_fails_when_the_drain_never_reaches_zero_tasks_by_its_deadline(self):
        payload = STEPS['WaitForDrain']['inputs']['InputPayload']
        start, total = self.clock.t, 1200
        for _ in range(checks('WaitForDrain', total)):
            self.aws.describe_instance(container_instance('DRAINING', running=1))
        with self.assertRaises(StepError) as caught:
            self.rb.run('WaitForDrain', {'StartDrain.ContainerInstanceArn': CI_ARN, 'StartDrain.DrainDeadline': start + total})
        errors = caught.exception.errors
        # attempts that end before the deadline hand over to the next one; then the step gives up
        first_give_up = next(i for i, e in enumerate(errors) if 'giving up' in e)
        self.assertGreaterEqual(first_give_up, 1)
        self.assertTrue(all('yet; this step tries again until' in e for e in errors[:first_give_up]), errors)
        self.assertRegex(errors[-1], 'has not drained to 0 tasks by 2026-11-02T02:55:00Z; giving up')
        self.assertEqual(self.clock.t, start + total)
        # every attempt stays inside the step's timeout
        self.assertLessEqual(payload['AttemptSeconds'] + payload['PollSeconds'], STEPS['WaitForDrain']['timeoutSeconds'])


class ApplyAndRebootTest(StepTest):
    def test_an_available_update_is_applied(self):
        seconds = STEPS['StartApply']['inputs']['InputPayload']['CommandSeconds']
        self.aws.send(commands('StartApply'), seconds, CMD_APPLY)
        out = self.rb.run('StartApply', {'InstanceId': IID, 'CheckForUpdate.UpdateState': 'Available'})
        self.assertEqual(out['CommandId'], CMD_APPLY)
        for status in ['Pending', 'InProgress', 'InProgress', 'Success']:
            self.aws.invocation(status, command_id=CMD_APPLY)
        self.rb.run('WaitForApply', {'InstanceId': IID, 'StartApply.CommandId': CMD_APPLY, 'StartApply.ApplyDeadline': out['ApplyDeadline'],
                                     'CheckForUpdate.TargetVersion': '1.26.2'})

    def test_a_ready_update_is_not_applied_again(self):
        out = self.rb.run('StartApply', {'InstanceId': IID, 'CheckForUpdate.UpdateState': 'Ready'})
        self.assertEqual(out['CommandId'], '')
        self.rb.run('WaitForApply', {'InstanceId': IID, 'StartApply.CommandId': '', 'StartApply.ApplyDeadline': 0,
                                     'CheckForUpdate.TargetVersion': '1.26.2'})

    def test_fails_when_apiclient_update_apply_fails(self):
        self.aws.invocation('Failed', stderr='Failed to prepare update', command_id=CMD_APPLY)
        with self.assertRaisesRegex(StepError, 'apiclient update apply on .* ended Failed.*Failed to prepare update'):
            self.rb.run('WaitForApply', {'InstanceId': IID, 'StartApply.CommandId': CMD_APPLY, 'StartApply.ApplyDeadline': self.clock.t + 780,
                                         'CheckForUpdate.TargetVersion': '1.26.2'}, attempts=1)

    def test_the_reboot_request_returns_before_the_reboot(self):
        payload = STEPS['RequestReboot']['inputs']['InputPayload']
        self.aws.send(commands('RequestReboot'), payload['CommandSeconds'], CMD_REBOOT)
        self.aws.invocation('Success', 'rebooting in 10 seconds\n', command_id=CMD_REBOOT)
        start = self.clock.t
        out = self.rb.run('RequestReboot', {'InstanceId': IID})
        self.assertEqual(out['RebootDeadline'], int(self.clock.t + payload['RejoinSeconds']))
        self.assertLess(self.clock.t - start, 60)

    def probe(self, status=None, output='', send_error=None):
        payload = STEPS['WaitForReboot']['inputs']['InputPayload']
        if send_error:
            self.aws.fail('ssm', 'send_command', send_error)
            return
        self.aws.send(commands('WaitForReboot'), payload['CommandSeconds'])
        for s in status:
            self.aws.invocation(s, output if s == 'Success' else '')

    def reboot_values(self):
        return {'InstanceId': IID, 'CheckForUpdate.BootId': '11111111-2222-3333-4444-555555555555',
                'CheckForUpdate.TargetVersion': '1.26.2', 'RequestReboot.RebootDeadline': self.clock.t + 900}

    def test_the_host_is_back_when_it_answers_with_a_new_boot_and_the_new_version(self):
        self.probe(['Success'], check_output('Idle', active='1.26.1'))  # not rebooted yet: same boot
        self.probe(send_error='InvalidInstanceId')  # agent gone while rebooting
        self.probe(['Pending'] * 4)  # never delivered within the probe's 60 s
        self.probe(['InProgress', 'Success'], check_output('Idle', active='1.26.2', boot='99999999-2222-3333-4444-555555555555'))
        out = self.rb.run('WaitForReboot', self.reboot_values())
        self.assertEqual(out, {'ActiveVersion': '1.26.2'})

    def test_fails_when_the_host_boots_back_into_the_old_version(self):
        self.probe(['Success'], check_output('Available', active='1.26.1', chosen='1.26.2', boot='99999999-2222-3333-4444-555555555555'))
        with self.assertRaisesRegex(StepError, 'rebooted into Bottlerocket 1.26.1, not 1.26.2'):
            self.rb.run('WaitForReboot', self.reboot_values(), attempts=1)

    def test_fails_when_the_host_does_not_come_back_by_the_deadline(self):
        deadline = self.clock.t + 900
        for _ in range(checks('WaitForReboot', 900)):
            self.aws.fail('ssm', 'send_command', 'InvalidInstanceId')
        with self.assertRaisesRegex(StepError, 'has not come back with a new boot by .*; giving up'):
            self.rb.run('WaitForReboot', dict(self.reboot_values(), **{'RequestReboot.RebootDeadline': deadline}))
        self.assertEqual(self.clock.t, deadline)


class RejoinTest(StepTest):
    def test_rejoin_waits_for_the_agent_then_sets_the_host_active(self):
        self.aws.find_instances(container_instance('DRAINING', connected=False))
        self.aws.find_instances(container_instance('DRAINING', connected=True))
        self.aws.set_state('ACTIVE')
        out = self.rb.run('Rejoin', {'InstanceId': IID, 'RequestReboot.RebootDeadline': self.clock.t + 900})
        self.assertEqual(out['ContainerInstanceArn'], CI_ARN)
        self.assertEqual(out['ServicesDeadline'], int(self.clock.t + STEPS['Rejoin']['inputs']['InputPayload']['ServicesSeconds']))

    def test_a_host_that_registered_anew_is_followed_to_its_new_container_instance(self):
        new = container_instance('ACTIVE', arn=CI_ARN + 'new', registered=1800000000)
        self.aws.find_instances(container_instance('DRAINING', connected=True), new)
        self.aws.set_state('ACTIVE')
        out = self.rb.run('Rejoin', {'InstanceId': IID, 'RequestReboot.RebootDeadline': self.clock.t + 900})
        self.assertEqual(out['ContainerInstanceArn'], CI_ARN + 'new')

    def test_the_host_counts_as_done_when_each_daemon_service_runs_a_task_on_it(self):
        self.assertTrue(SERVICES, 'the fixture names DAEMON services')
        rounds = [{SERVICES[0]: [task(1)]}, {SERVICES[0]: [task(1)], SERVICES[-1]: [task(2, 'PENDING')]},
                  {SERVICES[0]: [task(1)], SERVICES[-1]: [task(2)]}]
        for found in rounds:
            for name in SERVICES:
                self.aws.tasks('RUNNING', found.get(name, []), service=name)
        out = self.rb.run('WaitForServices', {'Rejoin.ContainerInstanceArn': CI_ARN, 'Rejoin.ServicesDeadline': self.clock.t + 600})
        self.assertEqual(out, {'Running': ','.join(SERVICES)})

    def test_fails_naming_the_daemon_service_that_never_runs_on_the_host(self):
        deadline = self.clock.t + 600
        for _ in range(checks('WaitForServices', 600)):
            for name in SERVICES:
                self.aws.tasks('RUNNING', [task(1)] if name != SERVICES[-1] else [], service=name)
        with self.assertRaisesRegex(StepError, 'still no RUNNING task of ' + SERVICES[-1] + ' on .* by .*; giving up'):
            self.rb.run('WaitForServices', {'Rejoin.ContainerInstanceArn': CI_ARN, 'Rejoin.ServicesDeadline': deadline})

    def test_a_fleet_without_daemon_services_waits_for_none(self):
        handler = self.rb.handler('WaitForServices')
        events = dict(self.rb.events('WaitForServices', {'Rejoin.ContainerInstanceArn': CI_ARN, 'Rejoin.ServicesDeadline': 0}), ServiceNames='')
        self.assertEqual(handler(events, None), {'Running': ''})

    def test_reactivate_puts_a_draining_host_back_and_leaves_an_active_one(self):
        self.aws.find_instances(container_instance('DRAINING', connected=False))
        self.aws.set_state('ACTIVE')
        self.assertEqual(self.rb.run('Reactivate', {'InstanceId': IID}), {'Reactivated': CI_ARN})
        self.aws.find_instances(container_instance('ACTIVE'))
        self.assertEqual(self.rb.run('Reactivate', {'InstanceId': IID}), {'Reactivated': ''})


class WholeRunbookTest(StepTest):
    """The document's wiring: step references, outputs, branches, onFailure."""

    params = {'InstanceId': IID, 'AutomationAssumeRole': 'arn:aws:iam::123456789012:role/x'}

    def until_drained(self, target='1.26.2'):
        self.aws.send(commands('CheckForUpdate'), 120)
        self.aws.invocation('Success', check_output('Available', chosen=target))
        self.aws.find_instances(container_instance(running=1))
        self.aws.tasks('RUNNING', [task(1)])
        self.aws.set_state('DRAINING')

    def test_a_host_with_an_update_is_drained_updated_rebooted_and_rejoined(self):
        self.until_drained()
        self.aws.describe_instance(container_instance('DRAINING'))
        self.aws.tasks('STOPPED', [task(1, 'STOPPED')])
        self.aws.send(commands('StartApply'), 720, CMD_APPLY)
        self.aws.invocation('Success', command_id=CMD_APPLY)
        self.aws.send(commands('RequestReboot'), 60, CMD_REBOOT)
        self.aws.invocation('Success', 'rebooting in 10 seconds\n', command_id=CMD_REBOOT)
        self.aws.send(commands('WaitForReboot'), 60, CMD_PROBE)
        self.aws.invocation('Success', check_output('Idle', active='1.26.2', boot='99999999-2222-3333-4444-555555555555'), command_id=CMD_PROBE)
        self.aws.find_instances(container_instance('DRAINING'))
        self.aws.set_state('ACTIVE')
        for name in SERVICES:
            self.aws.tasks('RUNNING', [task(1)], service=name)
        status, executed, values = automation(self.clock, self.aws, self.params)
        self.assertEqual(status, 'Success')
        self.assertEqual(executed, ['WindowGate', 'IsWindowOpen', 'CheckForUpdate', 'IsUpdateNeeded', 'StartDrain', 'IsDraining',
                                    'WaitForDrain', 'StartApply', 'WaitForApply', 'RequestReboot', 'WaitForReboot', 'Rejoin',
                                    'WaitForServices'])
        self.assertEqual(values['WaitForReboot.ActiveVersion'], '1.26.2')

    def test_a_host_without_an_update_is_left_alone(self):
        self.aws.send(commands('CheckForUpdate'), 120)
        self.aws.invocation('Success', check_output('Idle'))
        status, executed, _ = automation(self.clock, self.aws, self.params)
        self.assertEqual((status, executed[-1]), ('Success', 'Done'))
        self.assertNotIn('StartDrain', executed)

    def test_nothing_runs_after_the_window(self):
        self.clock.t = MONDAY_0235 + 80 * 60
        status, executed, values = automation(self.clock, self.aws, self.params)
        self.assertEqual((status, executed), ('Success', ['WindowGate', 'IsWindowOpen', 'Done']))

    def test_fails_and_reactivates_the_host_when_its_drain_times_out(self):
        self.until_drained()
        start = self.clock.t
        for _ in range(checks('WaitForDrain', 1200)):
            self.aws.describe_instance(container_instance('DRAINING', running=1))
        self.aws.find_instances(container_instance('DRAINING'))
        self.aws.set_state('ACTIVE')
        status, executed, values = automation(self.clock, self.aws, self.params)
        self.assertEqual(status, 'Failed')
        self.assertEqual(executed[-2:], ['WaitForDrain', 'Reactivate'])
        self.assertEqual(values['Reactivate.Reactivated'], CI_ARN)
        self.assertEqual(self.clock.t - start, 1200)

    def test_fails_and_reactivates_the_host_when_the_update_does_not_apply(self):
        self.until_drained()
        self.aws.describe_instance(container_instance('DRAINING'))
        self.aws.tasks('STOPPED', [])
        self.aws.send(commands('StartApply'), 720, CMD_APPLY)
        for _ in range(STEPS['WaitForApply']['maxAttempts']):
            self.aws.invocation('Failed', stderr='Failed to prepare update', command_id=CMD_APPLY)
        self.aws.find_instances(container_instance('DRAINING'))
        self.aws.set_state('ACTIVE')
        status, executed, _ = automation(self.clock, self.aws, self.params)
        self.assertEqual((status, executed[-2:]), ('Failed', ['WaitForApply', 'Reactivate']))


class DocumentTest(unittest.TestCase):
    def test_every_reference_names_an_output_of_an_earlier_step_or_a_parameter(self):
        seen = set(DOC['parameters'])
        for step in DOC['mainSteps']:
            for ref in re.findall(r'\{\{\s*([A-Za-z0-9_.]+)\s*\}\}', json.dumps(step.get('inputs', {}))):
                self.assertIn(ref, seen, step['name'])
            seen |= {step['name'] + '.' + o['Name'] for o in step.get('outputs', [])}

    def test_every_script_step_runs_its_own_self_contained_handler_on_python_3(self):
        for step in DOC['mainSteps']:
            if step['action'] != 'aws:executeScript':
                continue
            inputs = step['inputs']
            self.assertEqual(inputs['Runtime'], 'python3.11')
            ns = {}
            exec(compile(inputs['Script'], step['name'], 'exec'), ns)
            self.assertTrue(callable(ns.get(inputs['Handler'])), step['name'])
            self.assertNotIn('{{', inputs['Script'], 'SSM would read {{ }} in a script as a parameter')
            self.assertLessEqual(step['timeoutSeconds'], 600, 'aws:executeScript runs at most 600 s')
            for name in re.findall(r'\b(_[a-z_]+)\(', inputs['Script']):
                self.assertIn(name, ns, step['name'] + ' calls ' + name + ' without defining it')

    def test_the_role_grants_exactly_the_api_calls_the_scripts_make_plus_the_services_own(self):
        called = set()
        for service in ('ecs', 'ssm'):
            c = client(service)
            mapping = c.meta.method_to_api_mapping
            for step in DOC['mainSteps']:
                script = step.get('inputs', {}).get('Script', '')
                for method in re.findall(r'\b' + service + r'\.([a-z_]+)\(', script):
                    self.assertIn(method, mapping, service + '.' + method + ' is not in botocore\'s ' + service + ' model')
                    called.add(service + ':' + mapping[method])
                for error in re.findall(r'\b' + service + r'\.exceptions\.([A-Za-z]+)', script):
                    self.assertTrue(hasattr(c.exceptions, error), error)
        granted = set()
        for statement in FIXTURE['policy']['Statement']:
            actions = statement['Action']
            granted |= set([actions] if isinstance(actions, str) else actions)
        self.assertTrue(called, 'no API call found in the scripts')
        self.assertEqual(granted, called | set(FIXTURE['serviceActions']))


if __name__ == '__main__':
    unittest.main(argv=[sys.argv[0]] + sys.argv[2:], verbosity=2)
