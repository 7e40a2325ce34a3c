import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DriverError, type ServiceSpec } from '../../../server/src/hosting/drivers/driver';
import { ProxmoxDriver, ProxmoxError, parseTemplateMap, type ProxmoxCreateFailure, type ProxmoxDriverOptions } from '../../../server/src/hosting/drivers/proxmox';
import { FakeProxmox } from './fake-proxmox';

const spec = (over: Partial<ServiceSpec> = {}): ServiceSpec => ({
  serviceId: 'svc-1',
  label: 'web-budi',
  category: 'VPS',
  osTemplate: 'ubuntu-24.04',
  specs: { cpuCores: 2, ramGb: 4, storageGb: 50 },
  ...over,
});

let pve: FakeProxmox;
/** A fake clock: sleeping only moves time forward, so polling and timeouts cost nothing. */
let clock: { t: number; slept: number[] };

function driver(over: Partial<ProxmoxDriverOptions> = {}) {
  return new ProxmoxDriver({
    baseUrl: pve.baseUrl,
    tokenId: pve.tokenId,
    tokenSecret: pve.tokenSecret,
    node: 'pve',
    templates: { 'ubuntu-24.04': 9000, 'debian-12': 9001 },
    now: () => clock.t,
    sleep: async (ms) => {
      clock.slept.push(ms);
      clock.t += ms;
    },
    ...over,
  });
}

async function failure(p: Promise<unknown>): Promise<DriverError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DriverError);
  return err as DriverError;
}

/** Creates a running VM through the driver; answers its ref. */
async function created(d = driver()) {
  const r = await d.create(spec());
  return r.externalRef!;
}

beforeEach(async () => {
  pve = await new FakeProxmox().start();
  clock = { t: 1_700_000_000_000, slept: [] };
});
afterEach(async () => {
  await pve.close();
});

describe('ProxmoxDriver.create', () => {
  it('clones the template into the next free VMID, sizes it, starts it and waits for every task', async () => {
    pve.addVm({ vmid: 100, name: 'someone-else', status: 'running', qmpstatus: 'running' });
    const r = await driver().create(spec());

    expect(r).toEqual({ externalRef: 'pve/101', state: 'ACTIVE', detail: null });
    expect(pve.actions()).toEqual([
      'GET /cluster/nextid',
      'POST /nodes/pve/qemu/9000/clone',
      'POST /nodes/pve/qemu/101/config',
      'POST /nodes/pve/qemu/101/status/start',
    ]);
    const [clone, config, start] = pve.calls.filter((c) => c.method === 'POST');
    expect(clone.contentType).toBe('application/x-www-form-urlencoded');
    expect(clone.form).toEqual({ newid: '101', name: 'web-budi', full: '1' });
    expect(config.form).toEqual({ cores: '2', memory: '4096' });
    expect(start.form).toEqual({});

    // Every action waited on its own task, polled on the node named in the UPID, until "stopped".
    const polled = pve.calls.filter((c) => c.path.includes('/tasks/')).map((c) => c.path.split('/')[4]);
    expect(new Set(polled)).toEqual(new Set(pve.tasks.keys()));
    expect(pve.tasks.size).toBe(3);
    expect([...pve.tasks.values()].every((t) => t.done)).toBe(true);
    expect(pve.calls.find((c) => c.path.includes('/tasks/'))!.rawUrl).toMatch(/^\/api2\/json\/nodes\/pve\/tasks\/UPID:pve:[0-9A-F]{8}:.*:qmclone:9000:angsur@pve!billing:\/status$/);
    expect(clock.slept.every((ms) => ms === 1000)).toBe(true);

    expect(pve.vms.get(101)).toMatchObject({ name: 'web-budi', template: false, status: 'running', qmpstatus: 'running', cores: 2, memory: 4096, lock: null });
    expect(pve.vms.get(9000)).toMatchObject({ template: true, status: 'stopped' });
  });

  it('skips the config call when the plan gives no cores or RAM', async () => {
    const r = await driver().create(spec({ specs: { cpuCores: null, ramGb: null, storageGb: 20 } }));
    expect(r.state).toBe('ACTIVE');
    expect(pve.actions().some((a) => a.endsWith('/config'))).toBe(false);
  });

  it('refuses an OS without a configured template (not retryable) before touching Proxmox', async () => {
    const err = await failure(driver().create(spec({ osTemplate: 'windows-server-2022' })));
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(/windows-server-2022/);
    expect(pve.calls).toEqual([]);
    const none = await failure(driver().create(spec({ osTemplate: null })));
    expect(none.retryable).toBe(false);
  });

  it('a failed clone task is an error carrying the exit status and the VMID', async () => {
    pve.inject('POST', /\/clone$/, { exitstatus: 'clone failed: storage full' });
    const err = await failure(driver().create(spec()));
    expect(err).toBeInstanceOf(ProxmoxError);
    expect(err.message).toMatch(/clone failed: storage full/);
    expect(err.message).toMatch(/VM 100/);
    expect(err.retryable).toBe(true);
    expect(err.detail).toMatchObject({ node: 'pve', vmid: 100, externalRef: 'pve/100', step: 'clone', vmCreated: 'unknown', taskExitStatus: 'clone failed: storage full' } satisfies Partial<ProxmoxCreateFailure>);
    expect(pve.vms.has(100)).toBe(false); // Proxmox removes a failed clone
    expect(pve.actions()).toEqual(['GET /cluster/nextid', 'POST /nodes/pve/qemu/9000/clone']);
  });

  it('a clone refused at once (VMID taken in a race) says nothing was created', async () => {
    pve.inject('POST', /\/clone$/, { http: 500, message: 'unable to create VM 100: config file already exists' });
    const err = await failure(driver().create(spec()));
    expect(err.retryable).toBe(true);
    expect(err.detail).toMatchObject({ vmid: 100, step: 'clone', vmCreated: false, httpStatus: 500 });
    expect(err.message).toMatch(/No VM was created/);
  });

  it('a failure after the clone names the VM that now exists, in the message and the detail', async () => {
    pve.inject('POST', /\/status\/start$/, { exitstatus: "start failed: QEMU exited with code 1" });
    const err = await failure(driver().create(spec()));
    expect(err.message).toMatch(/VM 100 \(pve\/100\) was cloned/);
    expect(err.message).toMatch(/still exists/);
    expect(err.message).toMatch(/QEMU exited with code 1/);
    expect(err.detail).toMatchObject({ vmid: 100, externalRef: 'pve/100', step: 'start', vmCreated: true });
    expect(pve.vms.get(100)).toMatchObject({ name: 'web-budi', status: 'stopped' });

    pve.inject('POST', /\/config$/, { http: 500, message: 'got timeout' });
    const err2 = await failure(driver().create(spec({ label: 'web-sari' })));
    expect(err2.detail).toMatchObject({ vmid: 101, step: 'config', vmCreated: true, httpStatus: 500 });
    expect(err2.retryable).toBe(true);
  });

  it('a task that never finishes times out (retryable) on the fake clock, without real waiting', async () => {
    pve.inject('POST', /\/clone$/, { hang: true });
    const started = Date.now();
    const err = await failure(driver({ taskTimeoutMs: 60_000, pollIntervalMs: 2_000 }).create(spec()));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/qmclone 9000 still running after 60 s/);
    expect(err.detail).toMatchObject({ vmid: 100, step: 'clone', vmCreated: 'unknown' });
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(60_000);
    expect(pve.polls()).toBe(31); // at 0, 2, ..., 60 s
  });

  it('a task that ends with WARNINGS did its work: success, with the warning in detail', async () => {
    pve.inject('POST', /\/status\/start$/, { exitstatus: 'WARNINGS: 1' });
    const r = await driver().create(spec());
    expect(r).toEqual({ externalRef: 'pve/100', state: 'ACTIVE', detail: 'WARNINGS: 1' });
  });
});

describe('ProxmoxDriver suspend / unsuspend / status', () => {
  it('pauses and resumes the VM; status follows', async () => {
    const d = driver();
    const ref = await created(d);
    expect(await d.status(ref, spec())).toEqual({ externalRef: ref, state: 'ACTIVE', detail: null });

    pve.calls.length = 0;
    expect(await d.suspend(ref, spec())).toEqual({ externalRef: ref, state: 'SUSPENDED', detail: null });
    expect(pve.actions()).toEqual(['POST /nodes/pve/qemu/100/status/suspend']);
    expect(pve.vms.get(100)).toMatchObject({ status: 'running', qmpstatus: 'paused' }); // paused, memory and disk kept
    expect(await d.status(ref, spec())).toMatchObject({ state: 'SUSPENDED' });

    pve.calls.length = 0;
    expect(await d.unsuspend(ref, spec())).toEqual({ externalRef: ref, state: 'ACTIVE', detail: null });
    expect(pve.actions()).toEqual(['POST /nodes/pve/qemu/100/status/resume']);
    expect(await d.status(ref, spec())).toMatchObject({ state: 'ACTIVE' });
  });

  it('status: a stopped VM is UNKNOWN "stopped"; a missing one (500 "does not exist" or 404) is TERMINATED', async () => {
    const d = driver();
    pve.addVm({ vmid: 120, status: 'stopped' });
    expect(await d.status('pve/120', spec())).toEqual({ externalRef: 'pve/120', state: 'UNKNOWN', detail: 'stopped' });
    expect(await d.status('pve/404', spec())).toMatchObject({ state: 'TERMINATED' });
    pve.inject('GET', /\/status\/current$/, { http: 404, message: 'Not Found' });
    expect(await d.status('pve/120', spec())).toMatchObject({ state: 'TERMINATED' });
    pve.addVm({ vmid: 121, status: 'running', qmpstatus: 'prelaunch' as never });
    expect(await d.status('pve/121', spec())).toMatchObject({ state: 'UNKNOWN', detail: expect.stringContaining('prelaunch') });
  });

  it('suspending a VM that is not running leaves it so (SUSPENDED); unsuspending it starts it', async () => {
    const d = driver();
    pve.addVm({ vmid: 130, status: 'stopped' });
    expect(await d.suspend('pve/130', spec())).toMatchObject({ state: 'SUSPENDED', detail: expect.stringMatching(/not running/) });
    pve.calls.length = 0;
    expect(await d.unsuspend('pve/130', spec())).toMatchObject({ state: 'ACTIVE', detail: expect.stringMatching(/started instead of resumed/) });
    expect(pve.actions()).toEqual(['POST /nodes/pve/qemu/130/status/resume', 'POST /nodes/pve/qemu/130/status/start']);
    expect(pve.vms.get(130)).toMatchObject({ status: 'running', qmpstatus: 'running' });
  });

  it('suspending a VM that no longer exists needs staff (not retryable); a bad reference too', async () => {
    const gone = await failure(driver().suspend('pve/777', spec()));
    expect(gone.retryable).toBe(false);
    expect(gone.message).toMatch(/does not exist/);
    const bad = await failure(driver().unsuspend('local:web-budi', spec()));
    expect(bad.retryable).toBe(false);
  });
});

describe('ProxmoxDriver.terminate', () => {
  it('stops, then deletes, waiting for both tasks', async () => {
    const d = driver();
    const ref = await created(d);
    await d.suspend(ref, spec());
    pve.calls.length = 0;
    expect(await d.terminate(ref, spec())).toEqual({ externalRef: ref, state: 'TERMINATED', detail: null });
    expect(pve.actions()).toEqual(['POST /nodes/pve/qemu/100/status/stop', 'DELETE /nodes/pve/qemu/100']);
    expect(pve.vms.has(100)).toBe(false);
    expect(await d.status(ref, spec())).toMatchObject({ state: 'TERMINATED' });
  });

  it('ignores "not running" from stop, and a VM already gone counts as terminated', async () => {
    const d = driver();
    pve.addVm({ vmid: 140, status: 'stopped' });
    pve.inject('POST', /\/status\/stop$/, { exitstatus: 'VM 140 not running' });
    expect(await d.terminate('pve/140', spec())).toMatchObject({ state: 'TERMINATED' });
    expect(pve.vms.has(140)).toBe(false);

    pve.addVm({ vmid: 141, status: 'stopped' });
    pve.inject('POST', /\/status\/stop$/, { http: 500, message: 'VM 141 not running' });
    expect(await d.terminate('pve/141', spec())).toMatchObject({ state: 'TERMINATED' });
    expect(pve.vms.has(141)).toBe(false);

    pve.calls.length = 0;
    expect(await d.terminate('pve/141', spec())).toMatchObject({ state: 'TERMINATED', detail: expect.stringMatching(/no longer exists/) });
    expect(pve.actions()).toEqual(['POST /nodes/pve/qemu/141/status/stop']);
  });

  it('a failing delete task is an error (retryable)', async () => {
    pve.addVm({ vmid: 150, status: 'running', qmpstatus: 'running' });
    pve.inject('DELETE', /^\/nodes\/pve\/qemu\/150$/, { exitstatus: "can't lock file '/var/lock/qemu-server/lock-150.conf' - got timeout" });
    const err = await failure(driver().terminate('pve/150', spec()));
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/qmdestroy 150 failed: can't lock file/);
    expect(pve.vms.get(150)).toMatchObject({ status: 'stopped' });
  });
});

describe('ProxmoxDriver HTTP failures', () => {
  it('a bad token is not retryable, and the secret never shows', async () => {
    const secret = 'wrong-secret-0000-4000-8000-123456789abc';
    const d = driver({ tokenSecret: secret });
    const err = await failure(d.create(spec()));
    expect(err.retryable).toBe(false);
    expect(err).toMatchObject({ httpStatus: 401 });
    expect(err.message).toMatch(/rejected the API token angsur@pve!billing \(401 authentication failure\)/);
    const everything = `${err.message} ${err.stack} ${JSON.stringify(err.detail)} ${inspect(err, { depth: 5 })} ${inspect(d, { depth: 5, showHidden: true })} ${JSON.stringify(d)}`;
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(pve.tokenSecret);
    expect(pve.actions()).toEqual(['GET /cluster/nextid']);

    pve.inject('POST', /\/status\/suspend$/, { http: 403, message: "Permission check failed (/vms/100, VM.PowerMgmt)" });
    pve.addVm({ vmid: 100, status: 'running', qmpstatus: 'running' });
    const denied = await failure(driver().suspend('pve/100', spec()));
    expect(denied.retryable).toBe(false);
    expect(denied.message).toMatch(/VM\.PowerMgmt/);
  });

  it('a 500 is retryable, with Proxmox\'s reason in the message', async () => {
    pve.inject('GET', /^\/cluster\/nextid$/, { http: 500, message: 'cluster not ready - no quorum?' });
    const err = await failure(driver().create(spec()));
    expect(err.retryable).toBe(true);
    expect(err.message).toBe('Proxmox API 500 on GET /cluster/nextid: cluster not ready - no quorum?');
    expect(err.detail).toEqual({ method: 'GET', path: '/cluster/nextid', httpStatus: 500 });
  });

  it('a 400 (bad parameter) is not retryable and lists the field', async () => {
    const err = await failure(driver().create(spec({ label: '-bad-' })));
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(/Parameter verification failed\.; name: invalid format/);
    expect(err.detail).toMatchObject({ vmCreated: false, httpStatus: 400 });
  });

  it('an unreachable API (network error) is retryable', async () => {
    const url = pve.baseUrl;
    await pve.close();
    const err = await failure(driver({ baseUrl: url }).status('pve/100', spec()));
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/Proxmox API unreachable \(GET \/nodes\/pve\/qemu\/100\/status\/current\): fetch failed/);
  });

  it('a request that hangs hits requestTimeoutMs (retryable)', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const err = await failure(driver({ fetchImpl: hanging, requestTimeoutMs: 5 }).status('pve/100', spec()));
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/no answer within/);
  });
});

describe('configuration helpers', () => {
  it('parses PROXMOX_TEMPLATES', () => {
    expect(parseTemplateMap('ubuntu-24.04=9000,debian-12=9001')).toEqual({ 'ubuntu-24.04': 9000, 'debian-12': 9001 });
    expect(() => parseTemplateMap('ubuntu')).toThrow(/os=vmid/);
  });
});

describe('ProxmoxDriver for the customer: details and power', () => {
  it('reports power, the cloud-init addresses and user, SSH access and the noVNC console', async () => {
    pve.addVm({ vmid: 120, name: 'web-budi', status: 'running', qmpstatus: 'running', ipconfig0: 'ip=203.0.113.7/24,gw=203.0.113.1', ciuser: 'budi' });
    const details = await driver().details('pve/120');
    expect(details).toEqual({
      power: 'running',
      ipAddresses: ['203.0.113.7'],
      access: [{ label: 'SSH', value: 'ssh budi@203.0.113.7' }],
      consoleUrl: `${pve.baseUrl.replace(/\/api2\/json$/, '')}/?console=kvm&novnc=1&vmid=120&node=pve`,
    });
    expect(pve.actions()).toEqual(expect.arrayContaining(['GET /nodes/pve/qemu/120/status/current', 'GET /nodes/pve/qemu/120/config']));
  });

  it('says paused and stopped, and no SSH line without an address', async () => {
    pve.addVm({ vmid: 121, status: 'running', qmpstatus: 'paused' });
    pve.addVm({ vmid: 122, status: 'stopped' });
    expect((await driver().details('pve/121')).power).toBe('paused');
    const stopped = await driver().details('pve/122');
    expect(stopped).toMatchObject({ power: 'stopped', ipAddresses: [], access: [] });
  });

  it('stops, starts and reboots the VM through POST .../status/{action}, waiting for each task', async () => {
    const ref = await created();
    const vmid = Number(ref.split('/')[1]);
    const d = driver();
    await d.power(ref, 'stop');
    expect(pve.vms.get(vmid)!.status).toBe('stopped');
    // A stopped VM cannot be rebooted: Proxmox's own words come back, retryable is irrelevant to the customer.
    const refused = await failure(d.power(ref, 'reboot'));
    expect(refused.message).toMatch(/not running/);
    await d.power(ref, 'start');
    expect(pve.vms.get(vmid)!).toMatchObject({ status: 'running', qmpstatus: 'running' });
    await d.power(ref, 'reboot');
    expect(pve.actions().slice(-4)).toEqual([`POST /nodes/pve/qemu/${vmid}/status/stop`, `POST /nodes/pve/qemu/${vmid}/status/reboot`, `POST /nodes/pve/qemu/${vmid}/status/start`, `POST /nodes/pve/qemu/${vmid}/status/reboot`]);
    expect(pve.tasks.size).toBeGreaterThanOrEqual(3);
    expect([...pve.tasks.values()].every((t) => t.done)).toBe(true);
  });

  it('names a VM that no longer exists as not retryable, and refuses an unknown action before calling', async () => {
    const gone = await failure(driver().power('pve/999', 'start'));
    expect(gone.retryable).toBe(false);
    expect(gone.message).toMatch(/does not exist/);
    const calls = pve.calls.length;
    const bad = await failure(driver().power('pve/999', 'destroy' as never));
    expect(bad.retryable).toBe(false);
    expect(pve.calls.length).toBe(calls);
    expect((await failure(driver().details('pve/999'))).retryable).toBe(false);
  });
});
