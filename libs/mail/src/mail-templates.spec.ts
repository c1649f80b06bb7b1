import { renderMail } from './mail-templates';

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
