import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder, confirmSpkForTest, payThroughSandbox } from '../support/orders';
import { FakeProxmox } from './drivers/fake-proxmox';

/**
 * "Layanan saya" beyond the status: what the driver reports about the server (power, addresses,
 * access, console) and power actions, for the service's own customer only, audited. Once with the
 * local demo driver, once with the Proxmox driver against the local Proxmox VE protocol server.
 */

const SERVICE = `id status details { power ipAddresses access { label value } consoleUrl unavailable } powerActions`;
const POWER = `mutation($id: ID!, $a: PowerAction!) { powerService(id: $id, action: $a) { ${SERVICE} } }`;
const MY = `{ myServices { ${SERVICE} } }`;

/** A customer with an active VPS service (SPK confirmed, down payment paid); answers the service id. */
async function activeService(t: TestApp, customer: TestUser, label: string) {
  const order = await checkoutOrder(t, customer, 'vps-nvme-4', 12);
  await confirmSpkForTest(t, order.id);
  await payThroughSandbox(t, customer, order.id);
  const item = (await t.ok(`query($id: ID!) { order(id: $id) { items { id } } }`, { id: order.id }, customer.token)).order.items[0].id;
  const created = (await t.ok(`mutation($i: CreateServiceInput!) { createService(input: $i) { id status } }`, { i: { orderItemId: item, label, osTemplate: 'ubuntu-24.04' } }, customer.token)).createService;
  expect(created.status).toBe('ACTIVE');
  return { serviceId: created.id as string, orderId: order.id };
}

describe('power and details with the local driver', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('reports the server, stops and starts it with an audit entry each, and hides it from everyone else', async () => {
    const customer = await t.createUser('CUSTOMER');
    const label = `pw-${customer.username.replace(/[^a-z0-9]/g, '').slice(-10)}`;
    const { serviceId } = await activeService(t, customer, label);
    const [mine] = (await t.ok(MY, {}, customer.token)).myServices;
    expect(mine.powerActions).toEqual(['START', 'STOP', 'REBOOT']);
    expect(mine.details).toMatchObject({ power: 'running', unavailable: null, consoleUrl: `${t.app.services.config.publicUrl}/hosting/${label}` });
    expect(mine.details.ipAddresses[0]).toMatch(/^203\.0\.113\.\d{1,3}$/);
    expect(mine.details.access).toContainEqual({ label: 'SSH', value: `ssh root@${mine.details.ipAddresses[0]}` });

    const stopped = (await t.ok(POWER, { id: serviceId, a: 'STOP' }, customer.token)).powerService;
    expect(stopped.details.power).toBe('stopped');
    const started = (await t.ok(POWER, { id: serviceId, a: 'START' }, customer.token)).powerService;
    expect(started.details.power).toBe('running');

    const admin = await t.adminToken();
    const log = (await t.ok(`query($id: ID!) { auditLog(filter: { entityId: $id, action: "service.power" }, perPage: 10) { items { action actorId data } } }`, { id: serviceId }, admin)).auditLog.items;
    expect(log.map((e: { data: { action: string; ok: boolean } }) => [e.data.action, e.data.ok]).sort()).toEqual([['start', true], ['stop', true]]);
    expect(log.every((e: { actorId: string }) => e.actorId === customer.id)).toBe(true);

    // Another customer: NOT_FOUND, nothing happens, nothing is logged.
    const other = await t.createUser('CUSTOMER');
    const probe = await t.gql(POWER, { id: serviceId, a: 'STOP' }, other.token);
    expect(probe.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.ok(MY, {}, customer.token)).myServices[0].details.power).toBe('running');
    // FINANCE may not power servers; SUPPORT may.
    const finance = await t.createUser('FINANCE');
    expect((await t.gql(POWER, { id: serviceId, a: 'REBOOT' }, finance.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const support = await t.createUser('SUPPORT');
    expect((await t.ok(POWER, { id: serviceId, a: 'REBOOT' }, support.token)).powerService.details.power).toBe('running');
    // An action that is not one: refused by the schema before anything runs.
    expect((await t.gql(POWER, { id: serviceId, a: 'DESTROY' }, customer.token)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('offers no power to a suspended service and refuses it with a stable reason', async () => {
    const customer = await t.createUser('CUSTOMER');
    const { serviceId, orderId } = await activeService(t, customer, `sp-${customer.username.replace(/[^a-z0-9]/g, '').slice(-10)}`);
    const support = await t.createUser('SUPPORT');
    await t.ok(`mutation($o: ID!) { suspendOrder(orderId: $o, reason: "Audit keamanan") { status } }`, { o: orderId }, support.token);
    const [service] = (await t.ok(MY, {}, customer.token)).myServices;
    expect(service.status).toBe('SUSPENDED');
    expect(service.powerActions).toEqual([]);
    const refused = await t.gql(POWER, { id: serviceId, a: 'START' }, customer.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SERVICE_NOT_ACTIVE' });
  });
});

describe('power and details with the Proxmox driver', () => {
  let t: TestApp;
  let pve: FakeProxmox;
  beforeAll(async () => {
    pve = await new FakeProxmox().start();
    t = await startTestApp({
      env: {
        VM_PROVISIONING_DRIVER: 'proxmox',
        PROXMOX_API_URL: pve.baseUrl,
        PROXMOX_TOKEN_ID: pve.tokenId,
        PROXMOX_TOKEN_SECRET: pve.tokenSecret,
        PROXMOX_NODE: pve.node,
        PROXMOX_TEMPLATES: 'ubuntu-24.04=9000',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await pve?.close();
  });

  it('shows the VM’s address from its cloud-init config and reboots and stops it through the Proxmox API', async () => {
    const customer = await t.createUser('CUSTOMER');
    const { serviceId } = await activeService(t, customer, `px-${customer.username.replace(/[^a-z0-9]/g, '').slice(-10)}`);
    const vm = [...pve.vms.values()].find((v) => !v.template)!;
    vm.ipconfig0 = 'ip=203.0.113.50/24,gw=203.0.113.1';
    vm.ciuser = 'ubuntu';
    const [service] = (await t.ok(MY, {}, customer.token)).myServices;
    expect(service.details).toMatchObject({ power: 'running', ipAddresses: ['203.0.113.50'], access: [{ label: 'SSH', value: 'ssh ubuntu@203.0.113.50' }] });
    expect(service.details.consoleUrl).toContain(`vmid=${vm.vmid}`);

    await t.ok(POWER, { id: serviceId, a: 'REBOOT' }, customer.token);
    const stopped = (await t.ok(POWER, { id: serviceId, a: 'STOP' }, customer.token)).powerService;
    expect(stopped.details.power).toBe('stopped');
    expect(pve.actions()).toEqual(expect.arrayContaining([`POST /nodes/pve/qemu/${vm.vmid}/status/reboot`, `POST /nodes/pve/qemu/${vm.vmid}/status/stop`]));

    // Proxmox refuses to reboot a stopped VM: the customer gets its words under a stable reason, and it is audited.
    const refused = await t.gql(POWER, { id: serviceId, a: 'REBOOT' }, customer.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'POWER_FAILED' });
    expect(refused.errors?.[0]?.message).toMatch(/not running/);
    const admin = await t.adminToken();
    const log = (await t.ok(`query($id: ID!) { auditLog(filter: { entityId: $id, action: "service.power" }, perPage: 10) { items { data } } }`, { id: serviceId }, admin)).auditLog.items;
    expect(log).toHaveLength(3);
    expect(log.filter((e: { data: { ok: boolean } }) => !e.data.ok)).toHaveLength(1);
  });
});
