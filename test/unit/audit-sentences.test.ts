import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { Role } from '../../server/src/accounts/roles';
import { AuditLog } from '../../server/src/audit/audit-log.entity';
import { describeRow } from '../../server/src/audit/history';
import { AUDIT_SENTENCES, isAuditAction } from '../../server/src/audit/sentences';
import { SpkAction } from '../../server/src/spk/spk-status';

const SERVER = path.join(__dirname, '..', '..', 'server', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * Every action the server's code can write: the third argument of each `audit(...)` call, read from
 * the syntax tree. A literal is itself; a conditional gives both branches; `spkAuditAction(x)` gives
 * one action per SPK transition. Any other form is reported, so no call site escapes the check.
 */
function writtenActions(): { actions: Set<string>; unreadable: string[] } {
  const actions = new Set<string>();
  const unreadable: string[] = [];
  const read = (node: ts.Expression, where: string): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) actions.add(node.text);
    else if (ts.isConditionalExpression(node)) {
      read(node.whenTrue, where);
      read(node.whenFalse, where);
    } else if (ts.isCallExpression(node) && node.expression.getText() === 'spkAuditAction') {
      for (const a of Object.values(SpkAction)) actions.add(`spk.${a.toLowerCase()}`);
    } else unreadable.push(`${where}: ${node.getText()}`);
  };
  for (const file of sourceFiles(SERVER)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'audit') {
        const where = `${path.relative(SERVER, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (node.arguments[2]) read(node.arguments[2], where);
        else unreadable.push(where);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { actions, unreadable };
}

describe('audit sentences', () => {
  const { actions, unreadable } = writtenActions();

  it('finds the audit calls and reads every one', () => {
    expect(unreadable).toEqual([]);
    expect(actions.size).toBeGreaterThan(50);
  });

  it('has a sentence in both languages for every action the code writes', () => {
    const missing = [...actions].filter((a) => !isAuditAction(a));
    expect(missing).toEqual([]);
    for (const action of actions) {
      const s = AUDIT_SENTENCES[action as keyof typeof AUDIT_SENTENCES];
      expect(s.id.trim(), action).not.toBe('');
      expect(s.en.trim(), action).not.toBe('');
      // The same records named in both languages.
      const names = (text: string) => [...text.matchAll(/\{[a-z]+(?::[A-Za-z]+)?\}/g)].map((m) => m[0]).sort();
      expect(names(s.id), action).toEqual(names(s.en));
    }
  });

  it('keeps no sentence for an action nothing writes', () => {
    expect(Object.keys(AUDIT_SENTENCES).filter((a) => !actions.has(a))).toEqual([]);
  });

  it('renders every sentence with names, never a UUID, a raw key or a placeholder', () => {
    const order = { text: 'ORD-202612-0001', kind: 'ORDER', refId: '00000000-0000-4000-8000-000000000001', orderId: null } as const;
    const sari = { text: 'Sari Wulandari', kind: 'STAFF', refId: '00000000-0000-4000-8000-000000000002', orderId: null } as const;
    const names = new Map<string, never>([
      [order.refId, order as never],
      [sari.refId, sari as never],
    ]);
    for (const action of actions) {
      for (const locale of ['id', 'en'] as const) {
        const row = Object.assign(new AuditLog(), {
          id: '00000000-0000-4000-8000-00000000000f',
          at: new Date('2026-12-04T13:00:00Z'),
          actorId: sari.refId,
          actorRole: Role.SUPPORT,
          action,
          entityType: 'Order',
          entityId: order.refId,
          data: { reason: 'menunggak', amount: '1500000', from: 'ACTIVE', to: 'SUSPENDED', kind: 'RENEWAL', power: 'reboot', action: 'create', method: 'QRIS', role: 'FINANCE' },
          requestId: null,
        });
        const entry = describeRow(row, names, { user: { id: sari.refId, role: Role.ADMIN }, locale, companyName: 'PT Contoh' });
        expect(entry.sentence, `${action} ${locale}`).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\{|\}|undefined|null/);
        expect(entry.sentence, `${action} ${locale}`).not.toContain(action);
      }
    }
  });

  it('reads "Sari menangguhkan pesanan ORD-…: alasan …" and links the order and the person', () => {
    const order = { text: 'ORD-202612-0001', kind: 'ORDER', refId: '00000000-0000-4000-8000-000000000001', orderId: null };
    const sari = { text: 'Sari', kind: 'STAFF', refId: '00000000-0000-4000-8000-000000000002', orderId: null };
    const names = new Map<string, never>([
      [order.refId, order as never],
      [sari.refId, sari as never],
    ]);
    const row = Object.assign(new AuditLog(), { actorId: sari.refId, actorRole: Role.SUPPORT, action: 'order.suspend', entityType: 'Order', entityId: order.refId, data: { reason: 'menunggak 40 hari' }, requestId: null });
    const staff = describeRow(row, names, { user: { id: sari.refId, role: Role.ADMIN }, locale: 'id', companyName: 'PT Contoh' });
    expect(staff.sentence).toBe('Sari menangguhkan pesanan ORD-202612-0001: alasan menunggak 40 hari');
    expect(staff.parts.filter((p) => p.kind).map((p) => [p.kind, p.refId])).toEqual([
      ['STAFF', sari.refId],
      ['ORDER', order.refId],
    ]);
    // The customer sees the company act, not the employee, and no link to a staff profile.
    const customer = describeRow(row, names, { user: { id: 'c', role: Role.CUSTOMER }, locale: 'en', companyName: 'PT Contoh' });
    expect(customer.sentence).toBe('PT Contoh suspended order ORD-202612-0001: reason menunggak 40 hari');
    const system = describeRow(Object.assign(new AuditLog(), { ...row, actorId: null, actorRole: null, action: 'billing.pass', data: { date: '2026-12-04' } }), names, { user: { id: 'a', role: Role.ADMIN }, locale: 'id', companyName: 'PT Contoh' });
    expect(system.sentence).toBe('Sistem menjalankan penagihan harian untuk 4 Desember 2026');
  });
});
