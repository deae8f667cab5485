import { randomUUID } from 'node:crypto';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { composeMail, ImapServer, mailboxEnv } from '../support/imap-server';
import { plainTextOf, SmtpSink } from '../support/smtp-sink';
import { until } from '../support/until';

/**
 * Answer by email (issue 22), against a real IMAP server (Dovecot) and a real SMTP server:
 * the portal's emails carry a signed reply address; what arrives in its mailbox becomes a
 * reply or a request, once, or is refused and listed for admins.
 */
const MAILBOX = { user: 'portal@coop.example', password: 'mailbox-password-1' };
const AREA_ADDRESS = 'normas@coop.example';
const MARCO = 'marco@tierra-viva.example';
const ANA = 'ana@valle-alto.example';
const REP_BO = 'rep.bo@clac.example';

/** A small JPEG, as a phone's photo starts (the upload checks read the content). */
const PHOTO = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
  Buffer.alloc(2048, 7),
  Buffer.from([0xff, 0xd9]),
]);

describe('answer by email: replies and new requests from the mailbox', () => {
  const imap = new ImapServer();
  const smtp = new SmtpSink();
  let portal: TestPortal;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    await imap.start([MAILBOX]);
    portal = await startTestPortal({
      viaProxy: true,
      env: {
        SMTP_URL: smtpUrl,
        OUTBOX_POLL_MS: '200',
        ...mailboxEnv(imap, MAILBOX),
        MAIL_AREA_ADDRESSES: `standards-compliance=${AREA_ADDRESS}`,
      },
    });
    for (const email of [MARCO, ANA, REP_BO, 'admin@clac.example'])
      token[email] = (await portal.login(email)).accessToken;
  });
  afterAll(async () => {
    await portal?.stop();
    await imap.stop();
    await smtp.stop();
  });

  const deliver = (raw: Buffer) => imap.deliver(MAILBOX.user, MAILBOX.password, raw);
  const count = (folder: string) => imap.count(MAILBOX.user, MAILBOX.password, folder);
  const detail = async (id: string, who = MARCO) =>
    (await portal.request('GET', `/api/v1/requests/${id}`, { token: token[who] })).body;
  const messagesOf = async (id: string) =>
    (await detail(id)).timeline.filter((entry: { type: string }) => entry.type === 'message');
  const refused = async () =>
    (
      await portal.request('GET', '/api/v1/inbound-mail?outcome=refused&pageSize=100', {
        token: token['admin@clac.example'],
      })
    ).body.items as { from: string; subject: string; refusal: string }[];
  /** Waits until the inbox is empty and the folder holds `atLeast` mails: the poller has read them all. */
  const readInto = (folder: string, atLeast: number) =>
    until(async () => (await count('INBOX')) === 0 && (await count(folder)) >= atLeast, `mail moved to ${folder}`);

  const header = (raw: string, name: string) =>
    new RegExp(`^${name}:[ \\t]*(.*(?:\\r\\n[ \\t].*)*)`, 'im')
      .exec(raw)?.[1]
      ?.replace(/\r\n[ \t]/g, ' ')
      .trim();

  /** A Bolivian standards request of Marco's, assigned to rep.bo, answered by rep.bo and waiting on Marco. */
  async function waitingRequest(subject: string) {
    const filed = await portal.request('POST', '/api/v1/requests', {
      token: token[MARCO],
      body: { area: 'standards-compliance', subject, description: 'Necesitamos ayuda con la auditoría.' },
    });
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    const reply = await portal.request('POST', `/api/v1/requests/${id}/messages`, {
      token: token[REP_BO],
      body: { body: '¿Puede enviarnos una foto del lote observado?' },
    });
    expect(reply.status).toBe(201);
    const waiting = await portal.request('POST', `/api/v1/requests/${id}/transitions`, {
      token: token[REP_BO],
      body: { to: 'waiting_on_member' },
    });
    expect(waiting.body.status).toBe('waiting_on_member');
    const replyMail = () =>
      smtp.to(MARCO).find((m) => m.subject.includes(filed.body.reference) && /foto del lote/.test(m.raw));
    await smtp.waitFor(() => replyMail() !== undefined);
    return { id, reference: filed.body.reference as string, mail: replyMail()! };
  }

  let answered: { id: string; reference: string; mail: { raw: string; messageId: string; subject: string } };
  let firstReply: Buffer;

  it("carries a signed reply address and the request's thread in each email about a request", async () => {
    answered = await waitingRequest('Auditoría de lote con observaciones');
    const replyTo = header(answered.mail.raw, 'Reply-To')!;
    expect(replyTo).toMatch(/^portal\+[a-z2-7]{42}@coop\.example$/);
    expect(header(answered.mail.raw, 'References')).toBe(`<request.${answered.id}@portal.notifications>`);
    expect(header(answered.mail.raw, 'In-Reply-To')).toBe(`<request.${answered.id}@portal.notifications>`);
    expect(answered.mail.messageId).toMatch(/@portal\.notifications>$/);
    expect(plainTextOf(answered.mail.raw)).toContain(
      'Puede responder a este correo: su respuesta se añade a la solicitud.',
    );
    // Staff's "assigned to you" has none: answering it should not talk to the member.
    const assigned = () => smtp.to(REP_BO).find((m) => m.subject.includes(answered.reference));
    await smtp.waitFor(() => assigned() !== undefined);
    expect(header(assigned()!.raw, 'Reply-To')).toBeUndefined();
    expect(header(assigned()!.raw, 'References')).toBe(`<request.${answered.id}@portal.notifications>`);
  });

  it('turns a reply with quoted history, a signature and a photo into one message with the photo, out of waiting_on_member', async () => {
    const replyTo = header(answered.mail.raw, 'Reply-To')!;
    firstReply = await composeMail({
      from: `Marco Choque <${MARCO}>`,
      to: replyTo,
      subject: `Re: ${answered.reference}`,
      messageId: `<${randomUUID()}@mail.tierra-viva.example>`,
      inReplyTo: answered.mail.messageId,
      references: answered.mail.messageId,
      text: [
        'Sí, adjunto la foto del lote 14.',
        '',
        'Saludos',
        '',
        '-- ',
        'Marco Choque',
        'Cooperativa Tierra Viva',
        '',
        'El lun, 7 dic 2026 a las 10:02, Portal de servicios <no-reply@portal.local> escribió:',
        '> ¿Puede enviarnos una foto del lote observado?',
        '>',
        '> Abrir la solicitud: http://localhost/requests/x',
      ].join('\n'),
      attachments: [{ filename: 'lote-14.jpg', content: PHOTO, contentType: 'image/jpeg' }],
    });
    await deliver(firstReply);
    await readInto('Processed', 1);
    const messages = await messagesOf(answered.id);
    const fromMarco = messages.filter((m: { author: { name: string } }) => m.author.name === 'Marco Choque');
    expect(fromMarco).toHaveLength(1);
    expect(fromMarco[0].body).toBe('Sí, adjunto la foto del lote 14.\n\nSaludos');
    expect(fromMarco[0].internal).toBe(false);
    expect(
      fromMarco[0].attachments.map((a: { name: string; contentType: string; size: number }) => [
        a.name,
        a.contentType,
        a.size,
      ]),
    ).toEqual([['lote-14.jpg', 'image/jpeg', PHOTO.length]]);
    const download = await fetch(`${portal.url}/api/v1/attachments/${fromMarco[0].attachments[0].id}`, {
      headers: { authorization: `Bearer ${token[REP_BO]}` },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(PHOTO)).toBe(true);
    expect((await detail(answered.id)).status).toBe('in_progress');
  });

  it('gives one message for the same mail delivered twice', async () => {
    await deliver(firstReply);
    await readInto('Processed', 2);
    const fromMarco = (await messagesOf(answered.id)).filter(
      (m: { author: { name: string } }) => m.author.name === 'Marco Choque',
    );
    expect(fromMarco).toHaveLength(1);
    const all = await portal.db.query(`SELECT count(*)::int AS n FROM inbound_mails WHERE request_id = $1`, [
      answered.id,
    ]);
    expect(all.rows[0].n).toBe(1);
  });

  it('lets staff answer by email too: a public reply from them, mailed on to the member', async () => {
    // rep.bo was told of Marco's reply, with a reply address of its own.
    const toRep = () => smtp.to(REP_BO).find((m) => m.subject.includes(answered.reference) && /lote 14/.test(m.raw));
    await smtp.waitFor(() => toRep() !== undefined);
    const mail = toRep()!;
    expect(plainTextOf(mail.raw)).toContain('como respuesta pública, que el miembro ve');
    await deliver(
      await composeMail({
        from: `Lucía Mamani <${REP_BO}>`,
        to: header(mail.raw, 'Reply-To')!,
        subject: `RE: ${mail.subject}`,
        messageId: `<${randomUUID()}@clac.example>`,
        text: 'Gracias, la revisamos esta semana.\n\n-----Original Message-----\nFrom: Portal\nSent: Monday\n\nSí, adjunto la foto',
      }),
    );
    await until(
      async () =>
        (await messagesOf(answered.id)).some(
          (m: { author: { name: string }; body: string; internal: boolean }) =>
            m.author.name === 'Lucía Mamani' && m.body === 'Gracias, la revisamos esta semana.' && !m.internal,
        ),
      "rep.bo's emailed reply on the request",
    );
    await smtp.waitFor(() => smtp.to(MARCO).some((m) => /la revisamos esta semana/.test(m.raw)));
  });

  it('refuses a forged reply address, and lists it for admins', async () => {
    const genuine = header(answered.mail.raw, 'Reply-To')!;
    const tag = genuine.slice('portal+'.length, genuine.indexOf('@'));
    const forged = `portal+${tag.slice(0, -3)}${tag.endsWith('aaa') ? 'bbb' : 'aaa'}@coop.example`;
    const before = (await messagesOf(answered.id)).length;
    const refusedBefore = await count('Refused');
    await deliver(
      await composeMail({
        from: MARCO,
        to: forged,
        subject: 'Re: forged',
        messageId: `<${randomUUID()}@mail.tierra-viva.example>`,
        text: 'Mensaje con una dirección alterada.',
      }),
    );
    await readInto('Refused', refusedBefore + 1);
    expect(await messagesOf(answered.id)).toHaveLength(before);
    expect((await refused()).find((m) => m.subject === 'Re: forged')?.refusal).toBe('forged-reply-address');
  });

  it('refuses a reply from someone who may not write on the request, and one to a closed request, and tells them why', async () => {
    const replyTo = header(answered.mail.raw, 'Reply-To')!;
    const before = (await messagesOf(answered.id)).length;
    const refusedBefore = await count('Refused');
    // Ana (another organization) got hold of Marco's reply address.
    await deliver(
      await composeMail({
        from: ANA,
        to: replyTo,
        subject: 'Re: reenviado',
        messageId: `<${randomUUID()}@valle-alto.example>`,
        text: 'No es mi solicitud.',
      }),
    );
    await readInto('Refused', refusedBefore + 1);
    expect(await messagesOf(answered.id)).toHaveLength(before);
    expect((await refused()).find((m) => m.subject === 'Re: reenviado')?.refusal).toBe('not-allowed');

    const { id, mail } = await waitingRequest('Solicitud que se cierra');
    for (const to of ['resolved', 'closed'] as const) {
      const changed = await portal.request('POST', `/api/v1/requests/${id}/transitions`, {
        token: token[to === 'closed' ? MARCO : REP_BO],
        body: { to },
      });
      expect(changed.body.status).toBe(to);
    }
    await deliver(
      await composeMail({
        from: MARCO,
        to: header(mail.raw, 'Reply-To')!,
        subject: 'Re: cerrada',
        messageId: `<${randomUUID()}@mail.tierra-viva.example>`,
        text: 'Una cosa más.',
      }),
    );
    await readInto('Refused', refusedBefore + 2);
    expect((await refused()).find((m) => m.subject === 'Re: cerrada')?.refusal).toBe('request-closed');
    const fromMarco = (await messagesOf(id)).filter(
      (m: { author: { name: string } }) => m.author.name === 'Marco Choque',
    );
    expect(fromMarco).toHaveLength(0);

    // Each is told why, in its language, once.
    const notAdded = (to: string) => smtp.to(to).filter((m) => m.subject === 'Su correo no se añadió al portal');
    await smtp.waitFor(() => notAdded(ANA).length === 1 && notAdded(MARCO).length === 1);
    expect(plainTextOf(notAdded(ANA)[0].raw)).toContain(
      'Su correo «Re: reenviado» no se añadió al portal de servicios: su cuenta no puede escribir en esa solicitud.',
    );
    expect(plainTextOf(notAdded(MARCO)[0].raw)).toContain('la solicitud está cerrada o retirada');
  });

  it('ignores an auto-reply and a bounce, and answers none of them', async () => {
    const replyTo = header(answered.mail.raw, 'Reply-To')!;
    const before = (await messagesOf(answered.id)).length;
    const mailsToMarco = smtp.to(MARCO).length;
    const refusedBefore = await count('Refused');
    await deliver(
      await composeMail({
        from: MARCO,
        to: replyTo,
        subject: 'Fuera de la oficina',
        messageId: `<${randomUUID()}@mail.tierra-viva.example>`,
        headers: { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes' },
        text: 'Estoy fuera de la oficina hasta el lunes.',
      }),
    );
    await deliver(
      await composeMail({
        from: 'MAILER-DAEMON@mail.tierra-viva.example',
        to: MAILBOX.user,
        subject: 'Undelivered Mail Returned to Sender',
        messageId: `<${randomUUID()}@mail.tierra-viva.example>`,
        text: 'This is the mail system.',
      }),
    );
    await readInto('Refused', refusedBefore + 2);
    expect(await messagesOf(answered.id)).toHaveLength(before);
    const list = await refused();
    expect(list.find((m) => m.subject === 'Fuera de la oficina')?.refusal).toBe('automatic');
    expect(list.find((m) => m.subject === 'Undelivered Mail Returned to Sender')?.refusal).toBe('automatic');
    expect(smtp.to(MARCO)).toHaveLength(mailsToMarco);
  });

  it("refuses the portal's own emails coming back (a loop)", async () => {
    const refusedBefore = await count('Refused');
    await deliver(Buffer.from(answered.mail.raw));
    await readInto('Refused', refusedBefore + 1);
    expect((await refused()).find((m) => m.subject === answered.mail.subject)?.refusal).toBe('loop');
  });

  it('answers an unknown sender once a day, politely, in the four languages', async () => {
    const refusedBefore = await count('Refused');
    for (const n of [1, 2]) {
      await deliver(
        await composeMail({
          from: 'stranger@elsewhere.example',
          to: MAILBOX.user,
          subject: `Consulta ${n}`,
          messageId: `<${randomUUID()}@elsewhere.example>`,
          text: '¿Cómo me uno a la red?',
        }),
      );
    }
    await readInto('Refused', refusedBefore + 2);
    await smtp.waitFor(() => smtp.to('stranger@elsewhere.example').length >= 1);
    const answers = smtp.to('stranger@elsewhere.example');
    expect(answers).toHaveLength(1);
    for (const words of [
      'Recibimos su correo',
      'We received your email',
      'Recebemos seu e-mail',
      'Nous avons bien reçu',
    ])
      expect(plainTextOf(answers[0].raw)).toContain(words);
    expect((await refused()).filter((m) => m.from === 'stranger@elsewhere.example').map((m) => m.refusal)).toEqual([
      'unknown-sender',
      'unknown-sender',
    ]);
  });

  it("files a new mail from a member as a request of its organization: the area of the address it was sent to, or the country's representative to sort it", async () => {
    await deliver(
      await composeMail({
        from: `Marco Choque <${MARCO}>`,
        to: AREA_ADDRESS,
        subject: 'Fwd: Renovación del certificado',
        messageId: `<${randomUUID()}@mail.tierra-viva.example>`,
        text: 'Queremos renovar el certificado antes de marzo.\n\n-- \nMarco',
        attachments: [{ filename: 'certificado.jpg', content: PHOTO }],
      }),
    );
    await deliver(
      await composeMail({
        from: `Ana <${ANA}>`,
        to: MAILBOX.user,
        subject: 'Pregunta general',
        messageId: `<${randomUUID()}@valle-alto.example>`,
        text: 'Tenemos una consulta sobre la prima.',
      }),
    );
    const find = async (who: string, q: string) =>
      (await portal.request('GET', `/api/v1/requests?q=${encodeURIComponent(q)}`, { token: token[who] })).body.items;
    await until(async () => (await find(MARCO, 'Renovación')).length === 1, "Marco's request");
    await until(async () => (await find(ANA, 'prima')).length === 1, "Ana's request");

    const [byArea] = await find(MARCO, 'Renovación');
    const marcos = await detail(byArea.id);
    expect(marcos.subject).toBe('Renovación del certificado');
    expect(marcos.description).toBe('Queremos renovar el certificado antes de marzo.');
    expect(marcos.area).toBe('standards-compliance');
    expect(marcos.createdBy.name).toBe('Marco Choque');
    expect(marcos.assignee.name).toBe('Lucía Mamani');
    expect(marcos.routing.tier).toBe(1);
    expect(marcos.attachments.map((a: { name: string }) => a.name)).toEqual(['certificado.jpg']);

    const [sorting] = await find(ANA, 'prima');
    const anas = await detail(sorting.id, ANA);
    expect(anas.area).toBe('market-access');
    expect(anas.routing.tier).toBe(2);
    expect(['Rosa Quispe', 'Jorge Huamán']).toContain(anas.assignee.name);

    // The usual receipt.
    await smtp.waitFor(() =>
      smtp.to(MARCO).some((m) => m.subject.includes(marcos.reference) && /Recibimos/.test(m.subject)),
    );
    await smtp.waitFor(() => smtp.to(ANA).some((m) => m.subject.includes(anas.reference)));
  });

  it('loses nothing when the database is down during a poll: the mail stays in the inbox and is read again', async () => {
    const { id, mail } = await waitingRequest('Consulta durante la caída');
    const port = portal.proxy!.port;
    await portal.proxy!.stop();
    const processedBefore = await count('Processed');
    await deliver(
      await composeMail({
        from: MARCO,
        to: header(mail.raw, 'Reply-To')!,
        subject: 'Re: durante la caída',
        messageId: `<${randomUUID()}@mail.tierra-viva.example>`,
        text: 'Respuesta escrita mientras la base no responde.',
      }),
    );
    await until(
      async () => /mail left in the mailbox for the next poll/.test(portal.api().output()),
      'a poll that met the database down',
    );
    expect(await count('INBOX')).toBe(1);
    await portal.proxy!.start(port);
    await readInto('Processed', processedBefore + 1);
    const fromMarco = (await messagesOf(id)).filter(
      (m: { author: { name: string } }) => m.author.name === 'Marco Choque',
    );
    expect(fromMarco.map((m: { body: string }) => m.body)).toEqual(['Respuesta escrita mientras la base no responde.']);
    expect((await detail(id)).status).toBe('in_progress');
  });

  it('does each mail once when two API processes read the same mailbox', async () => {
    const another = await portal.startAnother();
    try {
      const { id, mail } = await waitingRequest('Consulta con dos procesos');
      const processedBefore = await count('Processed');
      const bodies = [1, 2, 3, 4, 5, 6].map((n) => `Respuesta número ${n}.`);
      for (const body of bodies) {
        await deliver(
          await composeMail({
            from: MARCO,
            to: header(mail.raw, 'Reply-To')!,
            subject: 'Re: dos procesos',
            messageId: `<${randomUUID()}@mail.tierra-viva.example>`,
            text: body,
          }),
        );
      }
      await readInto('Processed', processedBefore + bodies.length);
      const fromMarco = (await messagesOf(id))
        .filter((m: { author: { name: string } }) => m.author.name === 'Marco Choque')
        .map((m: { body: string }) => m.body);
      expect(fromMarco.sort()).toEqual(bodies);
    } finally {
      await another.kill();
    }
  });

  it('lists the mails for admins only', async () => {
    const asMember = await portal.request('GET', '/api/v1/inbound-mail', { token: token[MARCO] });
    expect(asMember.status).toBe(403);
    const all = await portal.request('GET', '/api/v1/inbound-mail?pageSize=100', {
      token: token['admin@clac.example'],
    });
    expect(all.status).toBe(200);
    const outcomes = all.body.items.map((m: { outcome: string }) => m.outcome);
    // The refused first.
    expect(outcomes.indexOf('reply')).toBeGreaterThan(outcomes.lastIndexOf('refused'));
    expect(all.body.items.find((m: { outcome: string }) => m.outcome === 'request').request.reference).toMatch(/^SR-/);
    const bad = await portal.request('GET', '/api/v1/inbound-mail?outcome=lost', {
      token: token['admin@clac.example'],
    });
    expect(bad.status).toBe(400);
  });
});
