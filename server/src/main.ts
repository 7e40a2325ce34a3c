import 'reflect-metadata';
import 'dotenv/config';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { exitOnSignals } from './lifecycle/shutdown';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await createApp(config);

  const lines = [
    '',
    `  Angsur berjalan di ${app.url}`,
    `    GraphQL:     ${app.url}/graphql  (subscriptions: ${app.url.replace(/^http/, 'ws')}/graphql)`,
    `    Back office: ${app.url}/admin/`,
    `    Node.js:     ${process.version}`,
    app.embedded
      ? `    Database:    PostgreSQL tertanam (PGlite) di ${app.embedded.dataDir}, port ${app.embedded.port}`
      : '    Database:    DATABASE_URL',
  ];
  const { admin, demoCustomer } = app.seeded ?? {};
  if (admin) {
    lines.push(`    Admin:       ${admin.username} / ${admin.generated ? admin.password : '(ADMIN_PASSWORD)'}${admin.generated ? '  <- dicetak sekali ini saja; simpan' : ''}`);
  } else {
    lines.push(`    Admin:       ${config.ADMIN_USERNAME} (kata sandi dicetak saat pertama kali dijalankan, atau ADMIN_PASSWORD)`);
  }
  if (demoCustomer) lines.push(`    Pelanggan:   ${demoCustomer.username} / ${demoCustomer.password}  <- akun demo`);
  console.log(lines.join('\n') + '\n');

  exitOnSignals(() => app.shutdown(), app.services.logger);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
