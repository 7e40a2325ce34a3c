import type { Config } from '../../config/config';
import { DriverError, POWER_ACTIONS, type DriverResult, type PowerAction, type ProvisioningDriver, type ServiceDetails, type ServiceSpec } from './driver';
import { HttpClient, HttpClientError, isJsonObject, type HttpReply } from '../../common/http-client';

/*
 * Proxmox VE driver: VPS and Cloud Server as QEMU VMs cloned from per-OS templates.
 *
 * API: https://<host>:8006/api2/json, authenticated with an API token
 * (`Authorization: PVEAPIToken=<user>@<realm>!<tokenid>=<secret>`; tokens need no CSRF token).
 * Long actions answer a task id (UPID) that we poll on /nodes/{node}/tasks/{upid}/status.
 *
 * TLS: Proxmox usually serves a certificate signed by the cluster's own CA. Do NOT turn off
 * verification (no NODE_TLS_REJECT_UNAUTHORIZED=0, no rejectUnauthorized: false): the deployment
 * gives Node that CA with NODE_EXTRA_CA_CERTS=/path/to/pve-root-ca.pem (copied from
 * /etc/pve/pve-root-ca.pem on a cluster node, or the CA of a certificate set on the node). Node
 * reads that variable once at start-up, so set it in the service's environment, not in .env at runtime.
 *
 * The token secret lives in a private field only: it goes into the Authorization header and nowhere
 * else (not in errors, details, logs or util.inspect output).
 */

export interface ProxmoxDriverOptions {
  /** e.g. https://pve.example:8006/api2/json */
  baseUrl: string;
  /** e.g. 'angsur@pve!billing' */
  tokenId: string;
  tokenSecret: string;
  /** the node that VMs are cloned on (and that the templates live on) */
  node: string;
  /** osTemplate -> template VMID, e.g. { 'ubuntu-24.04': 9000 } */
  templates: Record<string, number>;
  fetchImpl?: typeof fetch;
  /** between task status polls (default 1000 ms) */
  pollIntervalMs?: number;
  /** how long one task may run before we give up waiting (default 10 min) */
  taskTimeoutMs?: number;
  /** one HTTP request, including its body (default 15 s) */
  requestTimeoutMs?: number;
  /** milliseconds, for the task deadline (default Date.now) */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Where a create stopped; `vmCreated` says whether the VM `vmid` exists now (and is ours). */
export interface ProxmoxCreateFailure {
  node: string;
  vmid: number;
  externalRef: string;
  step: 'clone' | 'config' | 'start';
  /**
   * true: the clone finished, the VM exists and will be orphaned by a blind retry (a retry clones a
   * new VM); delete it or reuse it. 'unknown': the clone request or task did not answer cleanly
   * (Proxmox removes a clone whose task failed, but a timed-out clone may still finish). false: the
   * clone was refused before any VM was made (VMID `vmid` may belong to someone else: do not delete it).
   */
  vmCreated: boolean | 'unknown';
  httpStatus?: number;
  taskExitStatus?: string;
}

/** A failure answered by Proxmox (HTTP error or failed task); still a DriverError for the caller. */
export class ProxmoxError extends DriverError {
  constructor(
    message: string,
    retryable: boolean,
    detail: unknown,
    /** the HTTP status, when the API refused the request */
    readonly httpStatus?: number,
    /** Proxmox's own words (reason phrase / body message, or the task's exit status) */
    readonly pveMessage?: string,
    /** set when a task ran and ended with something other than OK */
    readonly taskExitStatus?: string,
  ) {
    super(message, retryable, detail);
    this.name = 'ProxmoxError';
  }
}

type Form = Record<string, string | number>;

interface TaskStatus {
  status?: string;
  exitstatus?: string;
}

interface VmStatus {
  status?: string;
  qmpstatus?: string;
  lock?: string;
}

const DEFAULTS = { pollIntervalMs: 1000, taskTimeoutMs: 10 * 60_000, requestTimeoutMs: 15_000 };

/** Path segment: percent-encodes what needs it but keeps ':', '@' and '!' (UPIDs, token users) as Proxmox clients send them. */
const seg = (s: string | number) => encodeURIComponent(String(s)).replace(/%3A/gi, ':').replace(/%40/g, '@');

/** UPID:<node>:<pid>:<pstart>:<starttime>:<type>:<id>:<user>: */
function parseUpid(upid: string): { node: string; type: string; id: string } | null {
  const p = upid.split(':');
  return p[0] === 'UPID' && p.length >= 8 ? { node: p[1], type: p[5], id: p[6] } : null;
}

const isUpid = (v: unknown): v is string => typeof v === 'string' && v.startsWith('UPID:');

/** The VM's config file is missing: Proxmox answers 500 "Configuration file 'nodes/pve/qemu-server/105.conf' does not exist". */
function isVmMissing(err: unknown): boolean {
  if (!(err instanceof ProxmoxError)) return false;
  if (err.httpStatus === 404) return true;
  return err.httpStatus !== undefined && /qemu-server\/\d+\.conf'? does not exist/i.test(err.pveMessage ?? '');
}

/** "VM 105 not running" (suspend/resume of a stopped VM), from the request or from the task. */
const isNotRunning = (err: unknown) => err instanceof ProxmoxError && /not running/i.test(err.pveMessage ?? '');

function clip(s: string, max = 500) {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

export class ProxmoxDriver implements ProvisioningDriver {
  readonly name = 'proxmox' as const;
  readonly #authorization: string;
  private readonly baseUrl: string;
  private readonly tokenId: string;
  private readonly node: string;
  private readonly templates: Record<string, number>;
  private readonly http: HttpClient;
  private readonly pollIntervalMs: number;
  private readonly taskTimeoutMs: number;
  private readonly requestTimeoutMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(opts: ProxmoxDriverOptions) {
    if (!opts.baseUrl || !opts.tokenId || !opts.tokenSecret || !opts.node) {
      throw new Error('ProxmoxDriver needs baseUrl, tokenId, tokenSecret and node');
    }
    if (!/^[^@\s]+@[^!\s]+![^=\s]+$/.test(opts.tokenId)) throw new Error('ProxmoxDriver: tokenId must look like user@realm!tokenid');
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.tokenId = opts.tokenId;
    this.#authorization = `PVEAPIToken=${opts.tokenId}=${opts.tokenSecret}`;
    this.node = opts.node;
    this.templates = { ...opts.templates };
    this.pollIntervalMs = opts.pollIntervalMs ?? DEFAULTS.pollIntervalMs;
    this.taskTimeoutMs = opts.taskTimeoutMs ?? DEFAULTS.taskTimeoutMs;
    this.requestTimeoutMs = opts.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
    // Errors never include the Authorization header: the client puts only the method and path in messages.
    this.http = new HttpClient({
      name: 'Proxmox API',
      baseUrl: this.baseUrl,
      fetchImpl: opts.fetchImpl,
      timeoutMs: this.requestTimeoutMs,
      headers: { Authorization: this.#authorization },
    });
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Clones the OS template (full clone, named after the label), sizes it, starts it. The VMID comes
   * from /cluster/nextid; two creates racing for the same id make the second clone fail at once
   * (retryable, nothing created). A failure from the clone on carries a ProxmoxCreateFailure in
   * `detail` and names the VM in the message.
   */
  async create(spec: ServiceSpec): Promise<DriverResult> {
    if (spec.category !== 'VPS' && spec.category !== 'CLOUD_SERVER') {
      throw new DriverError(`The Proxmox driver only creates VPS and Cloud Server services, not ${spec.category}`, false);
    }
    const template = spec.osTemplate ? this.templates[spec.osTemplate] : undefined;
    if (template === undefined) {
      throw new DriverError(
        `No Proxmox template is configured for OS "${spec.osTemplate ?? '(none)'}" (configured: ${Object.keys(this.templates).join(', ') || 'none'})`,
        false,
        { osTemplate: spec.osTemplate, configured: Object.keys(this.templates) },
      );
    }
    const next = await this.call<string | number>('GET', '/cluster/nextid');
    const vmid = Number(next);
    if (!Number.isInteger(vmid) || vmid < 100) {
      throw new DriverError(`Proxmox answered an unusable VMID from /cluster/nextid: ${clip(JSON.stringify(next ?? null), 50)}`, true);
    }
    const node = this.node;
    const externalRef = `${node}/${vmid}`;
    const vm = `/nodes/${seg(node)}/qemu/${vmid}`;
    const warnings: string[] = [];
    let step: ProxmoxCreateFailure['step'] = 'clone';
    let cloneAnswered = false;
    try {
      const upid = await this.call('POST', `/nodes/${seg(node)}/qemu/${template}/clone`, { newid: vmid, name: spec.label, full: 1 });
      cloneAnswered = true;
      await this.waitIfTask(upid, warnings);
      step = 'config';
      const config: Form = {};
      if (spec.specs.cpuCores) config.cores = Math.max(1, Math.round(spec.specs.cpuCores));
      if (spec.specs.ramGb) config.memory = Math.max(16, Math.round(spec.specs.ramGb * 1024));
      // storageGb is not applied: growing the disk needs PUT .../resize (and the disk's name), which this
      // driver does not call; the VM keeps the template's disk size.
      if (Object.keys(config).length) await this.waitIfTask(await this.call('POST', `${vm}/config`, config), warnings);
      step = 'start';
      await this.waitIfTask(await this.call('POST', `${vm}/status/start`), warnings);
    } catch (err) {
      throw this.createFailure(err, { node, vmid, externalRef, step, cloneAnswered, template });
    }
    return { externalRef, state: 'ACTIVE', detail: warnings.length ? warnings.join('; ') : null };
  }

  /** Pauses the VM (QEMU stop; memory and disks stay). A VM that is not running at all is already out of reach: SUSPENDED. */
  async suspend(externalRef: string, _spec?: ServiceSpec): Promise<DriverResult> {
    const { node, vmid } = this.parseRef(externalRef);
    const warnings: string[] = [];
    try {
      await this.waitIfTask(await this.call('POST', `/nodes/${seg(node)}/qemu/${vmid}/status/suspend`), warnings);
    } catch (err) {
      if (isNotRunning(err)) return { externalRef, state: 'SUSPENDED', detail: `VM ${vmid} was not running; nothing to pause` };
      throw this.vmGone(err, externalRef, 'suspend');
    }
    return { externalRef, state: 'SUSPENDED', detail: warnings.join('; ') || null };
  }

  /** Resumes the paused VM; a VM found stopped (host reboot, hibernation) is started instead. */
  async unsuspend(externalRef: string, _spec?: ServiceSpec): Promise<DriverResult> {
    const { node, vmid } = this.parseRef(externalRef);
    const vm = `/nodes/${seg(node)}/qemu/${vmid}`;
    const warnings: string[] = [];
    try {
      try {
        await this.waitIfTask(await this.call('POST', `${vm}/status/resume`), warnings);
      } catch (err) {
        if (!isNotRunning(err)) throw err;
        await this.waitIfTask(await this.call('POST', `${vm}/status/start`), warnings);
        warnings.unshift(`VM ${vmid} was stopped, so it was started instead of resumed`);
      }
    } catch (err) {
      throw this.vmGone(err, externalRef, 'unsuspend');
    }
    return { externalRef, state: 'ACTIVE', detail: warnings.join('; ') || null };
  }

  /** Hard stop, then destroy the VM and its disks. A VM that no longer exists counts as terminated (safe to retry). */
  async terminate(externalRef: string, _spec?: ServiceSpec): Promise<DriverResult> {
    if (!externalRef) return { externalRef: null, state: 'TERMINATED', detail: 'no Proxmox VM was recorded for this service' };
    const { node, vmid } = this.parseRef(externalRef);
    const vm = `/nodes/${seg(node)}/qemu/${vmid}`;
    const warnings: string[] = [];
    try {
      await this.waitIfTask(await this.call('POST', `${vm}/status/stop`), warnings);
    } catch (err) {
      if (isVmMissing(err)) return { externalRef, state: 'TERMINATED', detail: `VM ${vmid} no longer exists` };
      if (!isNotRunning(err)) throw err;
    }
    try {
      await this.waitIfTask(await this.call('DELETE', vm), warnings);
    } catch (err) {
      if (isVmMissing(err)) return { externalRef, state: 'TERMINATED', detail: `VM ${vmid} no longer exists` };
      throw err;
    }
    return { externalRef, state: 'TERMINATED', detail: warnings.join('; ') || null };
  }

  /** running+running: ACTIVE; running+paused: SUSPENDED; stopped: UNKNOWN 'stopped' (never done on purpose); gone: TERMINATED. */
  async status(externalRef: string, _spec?: ServiceSpec): Promise<DriverResult> {
    if (!externalRef) return { externalRef: null, state: 'UNKNOWN', detail: 'no Proxmox VM was recorded for this service' };
    const { node, vmid } = this.parseRef(externalRef);
    let cur: VmStatus | null;
    try {
      cur = await this.call<VmStatus>('GET', `/nodes/${seg(node)}/qemu/${vmid}/status/current`);
    } catch (err) {
      if (isVmMissing(err)) return { externalRef, state: 'TERMINATED', detail: `VM ${vmid} does not exist` };
      throw err;
    }
    const status = cur?.status;
    const qmp = cur?.qmpstatus;
    if (status === 'running' && qmp === 'running') return { externalRef, state: 'ACTIVE', detail: null };
    if (status === 'running' && qmp === 'paused') return { externalRef, state: 'SUSPENDED', detail: null };
    if (status === 'stopped') return { externalRef, state: 'UNKNOWN', detail: 'stopped' };
    return { externalRef, state: 'UNKNOWN', detail: `status ${status ?? '?'}, qmpstatus ${qmp ?? '?'}${cur?.lock ? `, lock ${cur.lock}` : ''}` };
  }

  readonly powerActions = POWER_ACTIONS;

  /**
   * The VM as the customer sees it: power from status/current, addresses and the login user from the
   * cloud-init settings in its config (ipconfigN "ip=203.0.113.7/24,gw=...", ciuser), and the noVNC
   * console of Proxmox's web UI (it asks for the customer's own Proxmox login, if they have one).
   */
  async details(externalRef: string, _spec?: ServiceSpec): Promise<ServiceDetails> {
    const { node, vmid } = this.parseRef(externalRef);
    const vm = `/nodes/${seg(node)}/qemu/${vmid}`;
    let cur: VmStatus | null;
    let config: Record<string, unknown> | null;
    try {
      [cur, config] = await Promise.all([this.call<VmStatus>('GET', `${vm}/status/current`), this.call<Record<string, unknown>>('GET', `${vm}/config`)]);
    } catch (err) {
      throw this.vmGone(err, externalRef, 'read');
    }
    const power = cur?.status === 'stopped' ? 'stopped' : cur?.status === 'running' ? (cur.qmpstatus === 'paused' ? 'paused' : 'running') : 'unknown';
    const ipAddresses = Object.entries(config ?? {})
      .filter(([key]) => /^ipconfig\d+$/.test(key))
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .flatMap(([, value]) => [...String(value).matchAll(/(?:^|,)ip6?=([0-9a-fA-F:.]+)\//g)].map((m) => m[1]!));
    const user = typeof config?.ciuser === 'string' && /^[a-z_][a-z0-9_-]{0,31}$/i.test(config.ciuser) ? config.ciuser : 'root';
    const web = this.baseUrl.replace(/\/api2\/json$/, '');
    return {
      power,
      ipAddresses,
      access: ipAddresses.length ? [{ label: 'SSH', value: `ssh ${user}@${ipAddresses[0]}` }] : [],
      consoleUrl: `${web}/?console=kvm&novnc=1&vmid=${vmid}&node=${encodeURIComponent(node)}`,
    };
  }

  /** start, stop (hard, like pulling the plug: the customer asked for it) or reboot, waiting for the task. */
  async power(externalRef: string, action: PowerAction, _spec?: ServiceSpec): Promise<void> {
    if (!POWER_ACTIONS.includes(action)) throw new DriverError(`Unknown power action "${String(action)}"`, false);
    const { node, vmid } = this.parseRef(externalRef);
    const warnings: string[] = [];
    try {
      await this.waitIfTask(await this.call('POST', `/nodes/${seg(node)}/qemu/${vmid}/status/${action}`), warnings);
    } catch (err) {
      throw this.vmGone(err, externalRef, action);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private parseRef(externalRef: string): { node: string; vmid: number } {
    const m = /^([^/\s]+)\/(\d+)$/.exec(externalRef ?? '');
    if (!m) throw new DriverError(`Not a Proxmox VM reference (expected <node>/<vmid>): "${clip(String(externalRef), 80)}"`, false, { externalRef });
    return { node: m[1], vmid: Number(m[2]) };
  }

  /** A suspend/unsuspend of a VM that no longer exists cannot succeed by retrying: staff must look. */
  private vmGone(err: unknown, externalRef: string, action: string): unknown {
    if (!isVmMissing(err)) return err;
    const e = err as ProxmoxError;
    return new ProxmoxError(`Cannot ${action} ${externalRef}: the VM does not exist on Proxmox (${e.pveMessage ?? e.message})`, false, e.detail, e.httpStatus, e.pveMessage);
  }

  private createFailure(
    err: unknown,
    c: { node: string; vmid: number; externalRef: string; step: ProxmoxCreateFailure['step']; cloneAnswered: boolean; template: number },
  ): DriverError {
    const e = err instanceof DriverError ? err : new DriverError(err instanceof Error ? err.message : String(err), true);
    const pe = e instanceof ProxmoxError ? e : null;
    let vmCreated: ProxmoxCreateFailure['vmCreated'];
    let message: string;
    if (c.step !== 'clone') {
      vmCreated = true;
      message =
        `Proxmox VM ${c.vmid} (${c.externalRef}) was cloned from template ${c.template}, but the ${c.step} step failed: ${e.message}. ` +
        `The VM still exists: finish or delete it by hand; retrying create clones a new VM and leaves ${c.vmid} behind.`;
    } else if (!c.cloneAnswered && pe?.httpStatus !== undefined) {
      vmCreated = false;
      message = `Proxmox refused to clone template ${c.template} into VM ${c.vmid}: ${e.message}. No VM was created.`;
    } else {
      vmCreated = 'unknown';
      message =
        `Cloning template ${c.template} into Proxmox VM ${c.vmid} (${c.externalRef}) did not complete: ${e.message}. ` +
        `Check whether VM ${c.vmid} exists (Proxmox removes a failed clone; a timed-out one may still finish) before retrying.`;
    }
    const detail: ProxmoxCreateFailure = {
      node: c.node,
      vmid: c.vmid,
      externalRef: c.externalRef,
      step: c.step,
      vmCreated,
      ...(pe?.httpStatus !== undefined ? { httpStatus: pe.httpStatus } : {}),
      ...(pe?.taskExitStatus !== undefined ? { taskExitStatus: pe.taskExitStatus } : {}),
    };
    return new ProxmoxError(message, e.retryable, detail, pe?.httpStatus, pe?.pveMessage, pe?.taskExitStatus);
  }

  /** Waits for the task when the API answered one (POST .../config may also answer null: done already). */
  private async waitIfTask(data: unknown, warnings: string[]): Promise<void> {
    if (!isUpid(data)) return;
    const exit = await this.waitForTask(data);
    if (exit !== 'OK') warnings.push(exit);
  }

  /**
   * Polls the task until `status: stopped`. "OK" is success; "WARNINGS: n" too (Proxmox's own
   * UI shows it as a warning: the task did its work but logged something, e.g. no EFI disk);
   * anything else is the error. Returns the exit status.
   */
  private async waitForTask(upid: string): Promise<string> {
    const parsed = parseUpid(upid);
    const node = parsed?.node || this.node;
    const what = parsed ? `${parsed.type}${parsed.id ? ` ${parsed.id}` : ''}` : 'task';
    const path = `/nodes/${seg(node)}/tasks/${seg(upid)}/status`;
    const deadline = this.now() + this.taskTimeoutMs;
    for (;;) {
      const st = await this.call<TaskStatus>('GET', path);
      if (st?.status === 'stopped') {
        const exit = String(st.exitstatus ?? '').trim();
        if (exit === 'OK' || /^WARNINGS: /.test(exit)) return exit;
        const reason = clip(exit || 'no exit status');
        throw new ProxmoxError(`Proxmox task ${what} failed: ${reason}`, true, { upid, exitstatus: reason }, undefined, reason, reason);
      }
      if (this.now() >= deadline) {
        throw new ProxmoxError(
          `Proxmox task ${what} still ${st?.status ?? 'unfinished'} after ${Math.round(this.taskTimeoutMs / 1000)} s; it may still finish`,
          true,
          { upid, timeoutMs: this.taskTimeoutMs },
        );
      }
      await this.sleep(this.pollIntervalMs);
    }
  }

  /** One API call; answers the `data` member. Errors never include the Authorization header. */
  private async call<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, form?: Form): Promise<T | null> {
    // A string, not URLSearchParams: fetch would add ";charset=UTF-8" to the Content-Type, which pveproxy does not expect.
    const body = method === 'POST' ? new URLSearchParams(Object.entries(form ?? {}).map(([k, v]) => [k, String(v)])).toString() : undefined;
    const headers: Record<string, string> = method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {};
    const where = `${method} ${path}`;
    let res: HttpReply;
    try {
      // Reads are repeated once on a network failure or a 502-504 from a proxy; writes never are (a clone sent twice is two VMs).
      res = await this.http.request({ method, url: path, headers, body, retries: method === 'GET' ? 1 : 0, retryDelayMs: 0 });
    } catch (err) {
      const reason = err instanceof HttpClientError && err.code === 'TOO_LARGE' ? err.message : describeNetworkError(err instanceof Error && err.cause ? err.cause : err, this.requestTimeoutMs);
      throw new ProxmoxError(`Proxmox API unreachable (${where}): ${reason}`, true, { method, path });
    }
    const { status, statusText } = res;
    const parsed = res.body();
    const json: { data?: unknown; message?: unknown; errors?: unknown } | null = isJsonObject(parsed) ? parsed : null;
    if (status >= 200 && status < 300) return (json?.data ?? null) as T | null;

    // Proxmox puts the reason in the HTTP status line; parameter errors also come as `errors` in the body.
    const said = typeof json?.message === 'string' && json.message.trim() ? json.message : statusText;
    const fieldErrors = json?.errors && typeof json.errors === 'object' ? Object.entries(json.errors as Record<string, unknown>).map(([k, v]) => `${k}: ${String(v)}`) : [];
    const pveMessage = clip([said, ...fieldErrors].filter(Boolean).join('; ') || `HTTP ${status}`);
    const detail = { method, path, httpStatus: status };
    if (status === 401 || status === 403) {
      throw new ProxmoxError(
        `Proxmox rejected the API token ${this.tokenId} (${status} ${pveMessage}) on ${where}: check the token and its permissions`,
        false,
        detail,
        status,
        pveMessage,
      );
    }
    const retryable = status >= 500 || status === 408 || status === 429;
    throw new ProxmoxError(`Proxmox API ${status} on ${where}: ${pveMessage}`, retryable, detail, status, pveMessage);
  }
}

function describeNetworkError(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  const parts = [err instanceof Error ? err.message : String(err), cause?.code, cause?.message].filter(Boolean);
  const text = clip([...new Set(parts)].join(' / '), 300);
  // A certificate Node cannot verify: the fix is the CA (NODE_EXTRA_CA_CERTS), never turning verification off.
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|unable to verify/i.test(text) ? `${text} (give Node the Proxmox CA with NODE_EXTRA_CA_CERTS)` : text;
}

/** "ubuntu-24.04=9000,debian-12=9001" (PROXMOX_TEMPLATES) -> { 'ubuntu-24.04': 9000, 'debian-12': 9001 }. */
export function parseTemplateMap(s: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of s.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([\w.-]+)=(\d+)$/.exec(pair);
    if (!m) throw new Error(`PROXMOX_TEMPLATES: "${pair}" is not os=vmid`);
    out[m[1]] = Number(m[2]);
  }
  return out;
}

/** The driver from the PROXMOX_* settings (loadConfig already checked they are all set when VM_PROVISIONING_DRIVER=proxmox). */
export function proxmoxDriverFromConfig(
  config: Pick<Config, 'PROXMOX_API_URL' | 'PROXMOX_TOKEN_ID' | 'PROXMOX_TOKEN_SECRET' | 'PROXMOX_NODE' | 'PROXMOX_TEMPLATES'>,
): ProxmoxDriver {
  return new ProxmoxDriver({
    baseUrl: config.PROXMOX_API_URL ?? '',
    tokenId: config.PROXMOX_TOKEN_ID ?? '',
    tokenSecret: config.PROXMOX_TOKEN_SECRET ?? '',
    node: config.PROXMOX_NODE ?? '',
    templates: parseTemplateMap(config.PROXMOX_TEMPLATES ?? ''),
  });
}
