import json
import re
import time
from datetime import datetime, timedelta, timezone


def _now():
    return time.time()


def _sleep(seconds):
    time.sleep(seconds)


def _client(service):
    import boto3
    return boto3.client(service)


def _iso(epoch):
    return datetime.fromtimestamp(float(epoch), timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


def _instance_id(events):
    value = str(events['InstanceId'])
    if not re.fullmatch(r'i-[0-9a-f]{8,17}', value):
        raise RuntimeError('InstanceId must be an EC2 instance ID (i-...), got ' + repr(value))
    return value


def _wait(events, deadline_key, what, check):
    deadline = float(events[deadline_key])
    stop = min(deadline, _now() + float(events['AttemptSeconds']))
    poll = float(events['PollSeconds'])
    while True:
        result = check()
        if result:
            return result
        now = _now()
        if now >= deadline:
            raise RuntimeError(what() + ' by ' + _iso(deadline) + '; giving up')
        if now >= stop:
            raise RuntimeError(what() + ' yet; this step tries again until ' + _iso(deadline))
        _sleep(max(0.0, min(poll, stop - now)))


def _list_tasks(ecs, cluster, instance, desired, service=None):
    args = {'cluster': cluster, 'containerInstance': instance, 'desiredStatus': desired}
    if service:
        args['serviceName'] = service
    arns = []
    while True:
        page = ecs.list_tasks(**args)
        arns += page['taskArns']
        if not page.get('nextToken'):
            return arns
        args['nextToken'] = page['nextToken']


def _describe_tasks(ecs, cluster, arns):
    tasks = []
    for i in range(0, len(arns), 100):
        tasks += ecs.describe_tasks(cluster=cluster, tasks=arns[i:i + 100])['tasks']
    return tasks


def _container_instances(ecs, cluster, instance_id):
    args = {'cluster': cluster, 'filter': 'ec2InstanceId == ' + instance_id}
    arns = []
    while True:
        page = ecs.list_container_instances(**args)
        arns += page['containerInstanceArns']
        if not page.get('nextToken'):
            break
        args['nextToken'] = page['nextToken']
    if not arns:
        return []
    return ecs.describe_container_instances(cluster=cluster, containerInstances=arns)['containerInstances']


def _set_state(ecs, cluster, arns, status):
    out = ecs.update_container_instances_state(cluster=cluster, containerInstances=arns, status=status)
    if out.get('failures'):
        raise RuntimeError('ECS refused ' + status + ' for ' + ', '.join(arns) + ': ' + json.dumps(out['failures'], default=str))


def _send(ssm, instance_id, commands, seconds):
    sent = ssm.send_command(
        InstanceIds=[instance_id], DocumentName='AWS-RunShellScript', TimeoutSeconds=60,
        Parameters={'commands': list(commands), 'executionTimeout': [str(int(float(seconds)))]},
        Comment='Bottlerocket update window')
    return sent['Command']['CommandId']


def _invocation(ssm, command_id, instance_id):
    try:
        return ssm.get_command_invocation(CommandId=command_id, InstanceId=instance_id)
    except ssm.exceptions.InvocationDoesNotExist:
        return {'Status': 'Pending'}


def _command_output(events, ssm, instance_id, command_id, deadline_key, what):
    def finished():
        inv = _invocation(ssm, command_id, instance_id)
        if inv['Status'] in ('Pending', 'InProgress', 'Delayed'):
            return None
        if inv['Status'] != 'Success':
            raise RuntimeError(what + ' on ' + instance_id + ' ended ' + inv['Status'] + ' (' + str(inv.get('StatusDetails', ''))
                               + '): ' + str(inv.get('StandardErrorContent', ''))[-1500:])
        return {'Output': inv.get('StandardOutputContent', '')}
    return _wait(events, deadline_key, lambda: what + ' (command ' + command_id + ') has not finished', finished)['Output']


def _probe(ssm, instance_id, commands, seconds, poll):
    try:
        command_id = _send(ssm, instance_id, commands, seconds)
    except ssm.exceptions.InvalidInstanceId:
        return None
    stop = _now() + seconds
    while _now() < stop:
        _sleep(poll)
        inv = _invocation(ssm, command_id, instance_id)
        if inv['Status'] == 'Success':
            return inv.get('StandardOutputContent', '')
        if inv['Status'] not in ('Pending', 'InProgress', 'Delayed'):
            return None
    return None


def _parse_check(output):
    first, _, rest = output.partition('\n')
    if not first.startswith('boot_id='):
        raise RuntimeError('unexpected update check output: ' + output[:500])
    status = json.loads(rest)
    active = ((status.get('active_partition') or {}).get('image') or {}).get('version')
    if not status.get('update_state') or not active:
        raise RuntimeError('update check output lacks update_state or active_partition.image.version: ' + rest[:500])
    return first[len('boot_id='):].strip(), status, active


DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']


def window_gate(events, context):
    days = [d for d in str(events['WindowDays']).split(',') if d]
    start, length = int(events['WindowStartMinute']), int(events['WindowMinutes'])
    now = datetime.fromtimestamp(_now(), timezone.utc)
    midnight = datetime(now.year, now.month, now.day, tzinfo=timezone.utc)
    for back in range(8):
        opening = midnight - timedelta(days=back) + timedelta(minutes=start)
        if opening <= now and DAYS[opening.weekday()] in days:
            break
    else:
        raise RuntimeError('WindowDays names no weekday: ' + repr(events['WindowDays']))
    end = opening + timedelta(minutes=length)
    need = 60 * int(events['MinimumMinutesLeft'])
    is_open = (end - now).total_seconds() >= need
    message = ('window open until ' + _iso(end.timestamp()) if is_open
               else 'skipped: the window ' + _iso(opening.timestamp()) + ' to ' + _iso(end.timestamp())
               + ' has less than ' + str(need // 60) + ' minutes left for this host')
    return {'Open': is_open, 'WindowEnd': int(end.timestamp()), 'Message': message}


def check_update(events, context):
    instance_id = _instance_id(events)
    ssm = _client('ssm')
    command_id = _send(ssm, instance_id, events['Commands'], events['CommandSeconds'])
    events = dict(events, CheckDeadline=_now() + float(events['CommandSeconds']) + 60)
    output = _command_output(events, ssm, instance_id, command_id, 'CheckDeadline', 'apiclient update check')
    boot_id, status, active = _parse_check(output)
    state = status['update_state']
    if state == 'Idle':
        return {'NeedsUpdate': False, 'UpdateState': state, 'ActiveVersion': active, 'TargetVersion': active, 'BootId': boot_id,
                'Message': 'no update: Bottlerocket ' + active + ' is the newest release this host may take'}
    if state == 'Available':
        target = (status.get('chosen_update') or {}).get('version')
    elif state == 'Ready':
        target = ((status.get('staging_partition') or {}).get('image') or {}).get('version')
    else:
        raise RuntimeError('update state ' + state + ' on ' + instance_id + ' is not Idle, Available or Ready; '
                           + "inspect it with 'apiclient update check' (an update left Staged can be cleared with 'apiclient update cancel')")
    if not target:
        raise RuntimeError('update state ' + state + ' without a target version: ' + json.dumps(status)[:500])
    return {'NeedsUpdate': True, 'UpdateState': state, 'ActiveVersion': active, 'TargetVersion': target, 'BootId': boot_id,
            'Message': 'updating Bottlerocket ' + active + ' to ' + target}


def start_drain(events, context):
    instance_id = _instance_id(events)
    cluster = events['Cluster']
    ecs = _client('ecs')
    found = _container_instances(ecs, cluster, instance_id)
    if len(found) != 1:
        raise RuntimeError(str(len(found)) + ' container instances of ' + instance_id + ' in ECS cluster ' + cluster
                           + ' (expected exactly 1): is its ECS agent registered with this cluster?')
    arn = found[0]['containerInstanceArn']
    running = _describe_tasks(ecs, cluster, _list_tasks(ecs, cluster, arn, 'RUNNING'))
    standalone = [t['taskArn'] for t in running if not str(t.get('startedBy', '')).startswith('ecs-svc/')]
    deadline = min(_now() + float(events['DrainSeconds']), float(events['WindowEnd']) - float(events['ReserveSeconds']))
    skip = None
    if standalone:
        skip = 'runs tasks no service started (' + ', '.join(standalone) + '), which draining does not stop'
    elif deadline <= _now():
        skip = 'has too little of the window left to drain, apply and reboot'
    if skip:
        return {'Drain': False, 'ContainerInstanceArn': arn, 'DrainDeadline': 0, 'Message': 'skipped: ' + instance_id + ' ' + skip}
    _set_state(ecs, cluster, [arn], 'DRAINING')
    return {'Drain': True, 'ContainerInstanceArn': arn, 'DrainDeadline': int(deadline), 'Message': 'draining ' + arn}


def wait_for_drain(events, context):
    cluster, arn = events['Cluster'], events['ContainerInstanceArn']
    ecs = _client('ecs')

    def drained():
        found = ecs.describe_container_instances(cluster=cluster, containerInstances=[arn])['containerInstances']
        if not found:
            raise RuntimeError('container instance ' + arn + ' is gone from ECS cluster ' + cluster)
        if found[0]['runningTasksCount'] or found[0]['pendingTasksCount']:
            return None
        tasks = _describe_tasks(ecs, cluster, _list_tasks(ecs, cluster, arn, 'STOPPED'))
        return None if [t for t in tasks if t.get('lastStatus') != 'STOPPED'] else {'Drained': True}
    return _wait(events, 'DrainDeadline', lambda: 'container instance ' + arn + ' has not drained to 0 tasks', drained)


def start_apply(events, context):
    if events['UpdateState'] == 'Ready':
        return {'CommandId': '', 'ApplyDeadline': 0}
    instance_id = _instance_id(events)
    command_id = _send(_client('ssm'), instance_id, events['Commands'], events['CommandSeconds'])
    return {'CommandId': command_id, 'ApplyDeadline': int(_now() + float(events['CommandSeconds']) + 60)}


def wait_for_apply(events, context):
    if not events['CommandId']:
        return {'Applied': 'already applied (Ready)'}
    instance_id = _instance_id(events)
    _command_output(events, _client('ssm'), instance_id, events['CommandId'], 'ApplyDeadline', 'apiclient update apply')
    return {'Applied': events['TargetVersion']}


def request_reboot(events, context):
    instance_id = _instance_id(events)
    ssm = _client('ssm')
    command_id = _send(ssm, instance_id, events['Commands'], events['CommandSeconds'])
    events = dict(events, RequestDeadline=_now() + float(events['CommandSeconds']) + 60)
    _command_output(events, ssm, instance_id, command_id, 'RequestDeadline', 'the reboot request')
    return {'RebootDeadline': int(_now() + float(events['RejoinSeconds']))}


def wait_for_reboot(events, context):
    instance_id = _instance_id(events)
    ssm = _client('ssm')

    def rebooted():
        output = _probe(ssm, instance_id, events['Commands'], float(events['CommandSeconds']), float(events['PollSeconds']))
        if output is None:
            return None
        boot_id, status, active = _parse_check(output)
        if boot_id == events['BootId']:
            return None
        if active != events['TargetVersion']:
            raise RuntimeError(instance_id + ' rebooted into Bottlerocket ' + active + ', not ' + events['TargetVersion']
                               + ' (Bottlerocket boots the previous version when the new one fails to boot)')
        return {'ActiveVersion': active}
    return _wait(events, 'RebootDeadline', lambda: instance_id + ' has not come back with a new boot', rebooted)


def rejoin(events, context):
    instance_id = _instance_id(events)
    cluster = events['Cluster']
    ecs = _client('ecs')

    def connected():
        found = [c for c in _container_instances(ecs, cluster, instance_id)
                 if c.get('agentConnected') and c['status'] in ('ACTIVE', 'DRAINING')]
        if not found:
            return None
        draining = [c['containerInstanceArn'] for c in found if c['status'] == 'DRAINING']
        if draining:
            _set_state(ecs, cluster, draining, 'ACTIVE')
        arn = max(found, key=lambda c: c['registeredAt'])['containerInstanceArn']
        return {'ContainerInstanceArn': arn, 'ServicesDeadline': int(_now() + float(events['ServicesSeconds']))}
    return _wait(events, 'RebootDeadline', lambda: 'the ECS agent of ' + instance_id + ' has not reconnected', connected)


def wait_for_services(events, context):
    names = [n for n in str(events['ServiceNames']).split(',') if n]
    if not names:
        return {'Running': ''}
    cluster, arn = events['Cluster'], events['ContainerInstanceArn']
    ecs = _client('ecs')
    missing = list(names)

    def running():
        missing[:] = [n for n in names if not any(
            t.get('lastStatus') == 'RUNNING' for t in _describe_tasks(ecs, cluster, _list_tasks(ecs, cluster, arn, 'RUNNING', n)))]
        return None if missing else {'Running': ','.join(names)}
    return _wait(events, 'ServicesDeadline', lambda: 'still no RUNNING task of ' + ', '.join(missing) + ' on ' + arn, running)


def reactivate(events, context):
    instance_id = _instance_id(events)
    cluster = events['Cluster']
    ecs = _client('ecs')
    draining = [c['containerInstanceArn'] for c in _container_instances(ecs, cluster, instance_id) if c['status'] == 'DRAINING']
    if draining:
        _set_state(ecs, cluster, draining, 'ACTIVE')
    return {'Reactivated': ','.join(draining)}
