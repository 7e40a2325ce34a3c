/**
 * A separate OS process that runs the outbox once, like a server's outbox job, for the test that kills
 * it mid-batch. DATABASE_URL and SMTP_PORT come from the environment.
 */
import 'reflect-metadata';
import pino from 'pino';
import { systemClock } from '../../server/src/common/time';
import { openOrm } from '../../server/src/db/orm';
import { InMemoryBus } from '../../server/src/notifications/bus';
import { createSmtpSender } from '../../server/src/notifications/channels/email';
import { createSandboxSender } from '../../server/src/notifications/channels/whatsapp';
import { deliverDue } from '../../server/src/notifications/notifications.service';

async function main() {
  const orm = await openOrm({ clientUrl: process.env.DATABASE_URL!, poolMax: 2 });
  const email = createSmtpSender({ host: '127.0.0.1', port: Number(process.env.SMTP_PORT), secure: false, from: 'Angsur <billing@angsur.test>', maxConnections: 1 });
  const logger = pino({ level: 'silent' });
  const result = await deliverDue(orm.em.fork(), { clock: systemClock, bus: new InMemoryBus(), email, whatsapp: createSandboxSender(), logger, publicUrl: 'http://localhost' }, { batch: Number(process.env.BATCH ?? 20) });
  console.log(JSON.stringify(result));
  email.close();
  await orm.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
