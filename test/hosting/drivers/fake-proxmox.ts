import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small Proxmox VE API on 127.0.0.1 for driver tests: the /api2/json paths the driver uses, API token
 * authentication (exact header, 401 otherwise), form bodies, VMs in memory and tasks (UPIDs) that
 * report "running" for one or two polls before "stopped". Like the real API, errors carry their
 * message in the HTTP reason phrase, and a missing VM answers 500 "Configuration file ... does not exist".
 */

export interface FakeVm {
  vmid: number;
  name: string;
  template: boolean;
  status: 'running' | 'stopped';
  qmpstatus: 'running' | 'paused' | null;
  cores: number;
  memory: number;
  lock: string | null;
  /** cloud-init settings as Proxmox keeps them, e.g. 'ip=203.0.113.7/24,gw=203.0.113.1' */
  ipconfig0?: string;
  ciuser?: string;
}

export interface RecordedCall {
  method: string;
  /** below /api2/json, decoded, e.g. /nodes/pve/qemu/9000/clone */
  path: string;
  /** the raw request target as sent */
  rawUrl: string;
  contentType: string | null;
  form: Record<string, string>;
}

interface FakeTask {
  upid: string;
  type: string;
  id: string;
  /** polls that still answer "running"; Infinity never finishes */
  runningPolls: number;
  exitstatus: string;
  effect: () => void;
  onFail?: () => void;
  done: boolean;
}

/** What to do to one request: answer an HTTP error, or let it start a task that ends with this exit status. */
export type Injection = { http: number; message: string } | { exitstatus: string } | { hang: true };

export interface FakeProxmoxOptions {
  node?: string;
  tokenId?: string;
  tokenSecret?: string;
  /** template VMIDs to create: { 9000: 'ubuntu-2404-tpl' } */
  templates?: Record<number, string>;
}

export class FakeProxmox {
  readonly node: string;
  readonly tokenId: string;
  readonly tokenSecret: string;
  readonly vms = new Map<number, FakeVm>();
  readonly tasks = new Map<string, FakeTask>();
  readonly calls: RecordedCall[] = [];
  private readonly injections: { method: string; match: RegExp; what: Injection }[] = [];
  private server: Server | null = null;
  private taskSeq = 0;
  baseUrl = '';

  constructor(opts: FakeProxmoxOptions = {}) {
    this.node = opts.node ?? 'pve';
    this.tokenId = opts.tokenId ?? 'angsur@pve!billing';
    this.tokenSecret = opts.tokenSecret ?? '5f3c2a9e-0000-4000-8000-c0ffee000001';
    for (const [vmid, name] of Object.entries(opts.templates ?? { 9000: 'ubuntu-2404-tpl', 9001: 'debian-12-tpl' })) {
      this.vms.set(Number(vmid), { vmid: Number(vmid), name, template: true, status: 'stopped', qmpstatus: null, cores: 1, memory: 2048, lock: null });
    }
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => this.fail(res, 500, `fake proxmox crashed: ${String(err)}`));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}/api2/json`;
    return this;
  }

  async close() {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  /** The next request with this method whose decoded path matches gets `what` (once). */
  inject(method: string, match: RegExp, what: Injection) {
    this.injections.push({ method, match, what });
  }

  /** Adds a VM as if it had been created earlier. */
  addVm(vm: Partial<FakeVm> & { vmid: number }) {
    const full: FakeVm = { name: `vm${vm.vmid}`, template: false, status: 'stopped', qmpstatus: null, cores: 1, memory: 1024, lock: null, ...vm };
    this.vms.set(vm.vmid, full);
    return full;
  }

  /** Calls other than task polls, as "METHOD path", for sequence checks. */
  actions() {
    return this.calls.filter((c) => !/\/tasks\//.test(c.path)).map((c) => `${c.method} ${c.path}`);
  }

  polls() {
    return this.calls.filter((c) => /\/tasks\/.*\/status$/.test(c.path)).length;
  }

  // ---------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, 'http://fake');
    const method = req.method ?? 'GET';
    const raw = await new Promise<string>((resolve, reject) => {
      let s = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (s += c));
      req.on('end', () => resolve(s));
      req.on('error', reject);
    });
    const contentType = req.headers['content-type'] ?? null;
    const form = contentType?.startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(raw)) : {};
    if (!url.pathname.startsWith('/api2/json/')) return this.fail(res, 501, `Method '${method} ${url.pathname}' not implemented`);
    const segments = url.pathname.slice('/api2/json'.length).split('/').filter(Boolean).map(decodeURIComponent);
    const path = `/${segments.join('/')}`;
    this.calls.push({ method, path, rawUrl, contentType, form });

    if (req.headers.authorization !== `PVEAPIToken=${this.tokenId}=${this.tokenSecret}`) {
      return this.fail(res, 401, 'authentication failure');
    }

    const inj = this.injections.findIndex((i) => i.method === method && i.match.test(path));
    const injected = inj >= 0 ? this.injections.splice(inj, 1)[0].what : null;
    if (injected && 'http' in injected) return this.fail(res, injected.http, injected.message);

    const answer = (data: unknown) => this.json(res, 200, { data });
    const task = (type: string, id: string | number, effect: () => void, onFail?: () => void) => {
      const upid = this.newTask(type, String(id), effect, onFail, injected);
      answer(upid);
    };

    // GET /cluster/nextid
    if (method === 'GET' && path === '/cluster/nextid') {
      let id = 100;
      while (this.vms.has(id)) id++;
      return answer(String(id));
    }

    const [n0, node, kind, idText, ...rest] = segments;
    if (n0 !== 'nodes' || node !== this.node) return this.fail(res, 500, `hostname lookup '${node}' failed - failed to get address info`);

    // GET /nodes/{node}/tasks/{upid}/status
    if (kind === 'tasks' && method === 'GET' && rest.join('/') === 'status') {
      const t = this.tasks.get(idText);
      if (!t) return this.fail(res, 500, `unable to parse worker upid '${idText}'`);
      if (!t.done && t.runningPolls > 0) {
        t.runningPolls--;
        return answer({ upid: t.upid, node: this.node, type: t.type, id: t.id, user: this.tokenId, status: 'running' });
      }
      if (!t.done) {
        t.done = true;
        if (t.exitstatus === 'OK' || t.exitstatus.startsWith('WARNINGS:')) t.effect();
        else t.onFail?.();
      }
      return answer({ upid: t.upid, node: this.node, type: t.type, id: t.id, user: this.tokenId, status: 'stopped', exitstatus: t.exitstatus });
    }

    if (kind !== 'qemu' || !/^\d+$/.test(idText ?? '')) return this.fail(res, 501, `Method '${method} ${path}' not implemented`);
    const vmid = Number(idText);
    const vm = this.vms.get(vmid);
    const action = rest.join('/');
    const missing = () => this.fail(res, 500, `Configuration file 'nodes/${this.node}/qemu-server/${vmid}.conf' does not exist`);
    if (!vm) return missing();
    if (vm.lock && !(method === 'GET' && action === 'status/current')) return this.fail(res, 500, `VM is locked (${vm.lock})`);

    if (method === 'GET' && action === 'status/current') {
      return answer({ vmid, name: vm.name, status: vm.status, ...(vm.status === 'running' ? { qmpstatus: vm.qmpstatus } : {}), cpus: vm.cores, maxmem: vm.memory * 1024 * 1024, ...(vm.lock ? { lock: vm.lock } : {}) });
    }
    if (method === 'GET' && action === 'config') {
      return answer({ name: vm.name, cores: vm.cores, memory: String(vm.memory), ...(vm.ipconfig0 ? { ipconfig0: vm.ipconfig0 } : {}), ...(vm.ciuser ? { ciuser: vm.ciuser } : {}), digest: 'f00d' });
    }
    if (method === 'POST' && action === 'clone') {
      const newid = Number(form.newid);
      if (!Number.isInteger(newid) || newid < 100) return this.json(res, 400, { data: null, errors: { newid: 'value must be an integer >= 100' } }, 'Parameter verification failed.');
      if (this.vms.has(newid)) return this.fail(res, 500, `unable to create VM ${newid}: config file already exists`);
      if (form.name !== undefined && !/^[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$/.test(form.name)) {
        return this.json(res, 400, { data: null, errors: { name: 'invalid format - value does not look like a valid DNS name' } }, 'Parameter verification failed.');
      }
      // The new VM exists (locked) while the clone runs; a failed clone is removed, as Proxmox does.
      this.vms.set(newid, { ...vm, vmid: newid, name: form.name ?? `Copy-of-VM-${vm.name}`, template: false, status: 'stopped', qmpstatus: null, lock: 'clone' });
      return task('qmclone', vmid, () => (this.vms.get(newid)!.lock = null), () => this.vms.delete(newid));
    }
    if (method === 'POST' && action === 'config') {
      const next = { ...vm };
      if (form.cores !== undefined) next.cores = Number(form.cores);
      if (form.memory !== undefined) next.memory = Number(form.memory);
      return task('qmconfig', vmid, () => this.vms.set(vmid, { ...this.vms.get(vmid)!, cores: next.cores, memory: next.memory }));
    }
    if (method === 'POST' && action.startsWith('status/')) {
      const what = action.slice('status/'.length);
      if (vm.template && what === 'start') return this.fail(res, 500, `VM ${vmid} is a template`);
      switch (what) {
        case 'start':
          if (vm.status === 'running') return this.fail(res, 500, `VM ${vmid} already running`);
          return task('qmstart', vmid, () => Object.assign(vm, { status: 'running', qmpstatus: 'running' }));
        case 'reboot': // like Proxmox: a stopped VM cannot be rebooted
          if (vm.status !== 'running') return this.fail(res, 500, `VM ${vmid} not running`);
          return task('qmreboot', vmid, () => Object.assign(vm, { status: 'running', qmpstatus: 'running' }));
        case 'stop': // like Proxmox: stopping a stopped VM is a no-op that ends OK
          return task('qmstop', vmid, () => Object.assign(vm, { status: 'stopped', qmpstatus: null }));
        case 'suspend':
          if (vm.status !== 'running') return this.fail(res, 500, `VM ${vmid} not running`);
          return task('qmsuspend', vmid, () => (vm.qmpstatus = 'paused'));
        case 'resume':
          if (vm.status !== 'running') return this.fail(res, 500, `VM ${vmid} not running`);
          return task('qmresume', vmid, () => (vm.qmpstatus = 'running'));
      }
    }
    if (method === 'DELETE' && action === '') {
      if (vm.status === 'running') return this.fail(res, 500, `VM ${vmid} is running - destroy failed`);
      return task('qmdestroy', vmid, () => this.vms.delete(vmid));
    }
    return this.fail(res, 501, `Method '${method} ${path}' not implemented`);
  }

  private newTask(type: string, id: string, effect: () => void, onFail: (() => void) | undefined, injected: Injection | null) {
    this.taskSeq++;
    const hex = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');
    const upid = `UPID:${this.node}:${hex(0x1000 + this.taskSeq)}:${hex(0x2000 + this.taskSeq)}:${hex(0x6700_0000 + this.taskSeq)}:${type}:${id}:${this.tokenId}:`;
    const runningPolls = injected && 'hang' in injected ? Infinity : 1 + (this.taskSeq % 2); // one or two "running" answers
    const exitstatus = injected && 'exitstatus' in injected ? injected.exitstatus : 'OK';
    this.tasks.set(upid, { upid, type, id, runningPolls, exitstatus, effect, onFail, done: false });
    return upid;
  }

  private json(res: ServerResponse, status: number, body: unknown, reason?: string) {
    const text = JSON.stringify(body);
    res.writeHead(status, reason ?? (status === 200 ? 'OK' : undefined), { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  /** Proxmox's way: the message is the reason phrase; the JSON body carries no message of its own. */
  private fail(res: ServerResponse, status: number, message: string) {
    this.json(res, status, { data: null }, message);
  }
}
