import { renderMail } from './mail-templates';
import { signOnInvitation, signOnReminder } from './templates/invitation';

describe('renderMail', () => {
  const template = {
    subject: 'Join {{workspace}}',
    html: '<p>{{inviter}} → <a href="{{link}}">join</a></p>',
    text: '{{inviter}} invites you: {{link}}',
  };
  const context = {
    workspace: 'Press & "Freedom"\r\nBcc: x@y.z',
    inviter: '<script>alert(1)</script> Zoë',
    link: 'https://signatory.test/join/abc?x=1&y=2',
    sender: 'Coalition <b>',
  };

  it('escapes values in HTML and keeps them verbatim in subject and text', () => {
    const mail = renderMail(template, context);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Zoë');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('href="https://signatory.test/join/abc?x&#x3D;1&amp;y&#x3D;2"');
    expect(mail.html).toContain('on behalf of Coalition &lt;b&gt;');
    expect(mail.text).toBe(
      '<script>alert(1)</script> Zoë invites you: https://signatory.test/join/abc?x=1&y=2',
    );
    expect(mail.subject).toBe('Join Press & "Freedom" Bcc: x@y.z');
  });

  it('fails loudly on a missing value rather than sending a blank', () => {
    expect(() => renderMail(template, { sender: 's', workspace: 'w', link: 'l' })).toThrow(
      /inviter/,
    );
  });
});

describe('the invitation and its reminder', () => {
  const context = {
    sender: 'Clean Air Coalition',
    workspace: 'Clean Air Coalition',
    inviter: 'Amira <b>Haddad</b> أميرة',
    organization: 'Reporters & Co',
    title: 'Protect journalists',
    excerpt: 'We, the undersigned organizations, write to urge you',
    deadline: '20 December 2026, 11:59 pm EST',
    link: 'https://signatory.test/sign/abc',
    declineLink: 'https://signatory.test/sign/abc/decline',
    noteHtml: '<p>We would be <strong>proud</strong>.</p>',
    noteText: 'We would be proud.',
  };

  it.each([
    ['invitation', signOnInvitation],
    ['reminder', signOnReminder],
  ])('the %s says what is true about the link, never "do not forward"', (_name, template) => {
    const mail = renderMail(template, context);
    for (const part of [mail.html, mail.text]) {
      expect(part).not.toMatch(/do not forward/i);
      expect(part).toMatch(/This link signs on for .*Reporters &(amp;)? Co/);
      expect(part).toMatch(/use .Send my colleague a link. on the letter.s page/);
    }
  });

  it('puts the note, introduced with both names, above the letter’s opening', () => {
    const mail = renderMail(signOnInvitation, context);
    const intro = mail.html.indexOf(
      'A note from <bdi>Amira &lt;b&gt;Haddad&lt;/b&gt; أميرة</bdi> at <bdi>Clean Air Coalition</bdi>:',
    );
    expect(intro).toBeGreaterThan(-1);
    expect(mail.html.indexOf('<strong>proud</strong>')).toBeGreaterThan(intro);
    expect(mail.html.indexOf(context.excerpt)).toBeGreaterThan(mail.html.indexOf('proud'));
    const textIntro = mail.text.indexOf(
      'A note from Amira <b>Haddad</b> أميرة at Clean Air Coalition:\n\nWe would be proud.',
    );
    expect(textIntro).toBeGreaterThan(-1);
    expect(mail.text.indexOf(context.excerpt)).toBeGreaterThan(textIntro);
  });

  it('leaves the note out when there is none', () => {
    const mail = renderMail(signOnInvitation, { ...context, noteHtml: '', noteText: '' });
    expect(mail.html).not.toContain('A note from');
    expect(mail.text).not.toContain('A note from');
    expect(mail.text).toContain('"Protect journalists".\n\nWe, the undersigned');
  });
});
