import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config/config';
import { spkSigner } from '../../server/src/spk/signing-identity';

describe('who signs an SPK for the company', () => {
  const config = loadConfig({ NODE_ENV: 'test', SPK_AUTHORISED_SIGNERS: 'rina:Rina Kusumawardani:Direktur Utama; dodi : Dodi Saputra : Direktur Keuangan', COMPANY_REPRESENTATIVE_NAME: 'Andi Pratama', COMPANY_REPRESENTATIVE_TITLE: 'Direktur Utama' });

  it('is the staff member who signs when they are an authorised signer', () => {
    expect(spkSigner(config, 'dodi')).toEqual({ name: 'Dodi Saputra', title: 'Direktur Keuangan' });
  });

  it('is the configured representative otherwise, never the staff account', () => {
    expect(spkSigner(config, 'admin')).toEqual({ name: 'Andi Pratama', title: 'Direktur Utama' });
    expect(spkSigner(config, null)).toEqual({ name: 'Andi Pratama', title: 'Direktur Utama' });
  });

  it('refuses a malformed list, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', SPK_AUTHORISED_SIGNERS: 'rina:Rina' })).toThrow(/SPK_AUTHORISED_SIGNERS/);
  });
});
