import { signatoryListCsv, signatureRecordsCsv, type RecordedSignature } from './signatures-csv';

const signedAt = new Date('2026-11-02T10:30:00Z');

describe('signatoryListCsv', () => {
  it('numbers the list, with a BOM and CRLF, and neutralises formula-like cells', () => {
    const text = signatoryListCsv(
      [
        { displayName: "=cmd|' /C calc'!A0", country: 'DE', signedAt },
        { displayName: '+33 Collective, "Paris"', country: null, signedAt },
        { displayName: '@home', country: null, signedAt },
        { displayName: '-minus', country: null, signedAt },
        { displayName: 'Société', country: 'FR', signedAt },
      ],
      'UTC',
    );
    expect(text).toBe(
      '\uFEFFnumber,display_name,country,signed_at\r\n' +
        "1,'=cmd|' /C calc'!A0,DE,2026-11-02\r\n" +
        `2,"'+33 Collective, ""Paris""",,2026-11-02\r\n` +
        "3,'@home,,2026-11-02\r\n" +
        "4,'-minus,,2026-11-02\r\n" +
        '5,Société,FR,2026-11-02\r\n',
    );
  });

  it('dates each sign-on by the day in the letter’s zone', () => {
    const late = new Date('2026-12-21T03:00:00Z'); // 20 December, 10 pm in New York
    expect(
      signatoryListCsv([{ displayName: 'A', country: null, signedAt: late }], 'UTC'),
    ).toContain('1,A,,2026-12-21\r\n');
    expect(
      signatoryListCsv([{ displayName: 'A', country: null, signedAt: late }], 'America/New_York'),
    ).toContain('1,A,,2026-12-20\r\n');
  });
});

describe('signatureRecordsCsv', () => {
  it('writes every recorded detail, dates as ISO instants and flags as yes/no', () => {
    const record: RecordedSignature = {
      id: 's1',
      displayName: 'Org',
      status: 'withdrawn',
      source: 'open',
      visibility: 'anonymous',
      revision: 2,
      organizationId: null,
      signerName: '=HYPERLINK("x")',
      signerTitle: null,
      signerEmail: 'a@org.example',
      country: null,
      website: 'https://org.example',
      signedAt,
      updatedAt: signedAt,
      withdrawnAt: signedAt,
      domainVerified: true,
      authorized: true,
      consentText: 'I agree.',
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0',
    };
    const [header, row, end] = signatureRecordsCsv([record]).slice(1).split('\r\n');
    expect(header).toBe(
      'id,display_name,status,source,visibility,revision,organization_id,signer_name,signer_title,signer_email,country,website,signed_at,updated_at,withdrawn_at,domain_verified,authorized,consent_text,ip,user_agent',
    );
    expect(row).toBe(
      `s1,Org,withdrawn,open,anonymous,2,,"'=HYPERLINK(""x"")",,a@org.example,,https://org.example,2026-11-02T10:30:00.000Z,2026-11-02T10:30:00.000Z,2026-11-02T10:30:00.000Z,yes,yes,I agree.,203.0.113.7,Mozilla/5.0`,
    );
    expect(end).toBe('');
  });
});
