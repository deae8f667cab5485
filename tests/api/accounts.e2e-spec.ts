import { startTestPortal, type TestPortal } from '../support/api-harness';
import { SmtpSink } from '../support/smtp-sink';

/** The token of the link to `base` + `path` in a received email (its parts may be quoted-printable). */
function linkIn(raw: string, path: string, base = 'https://portal.example'): string {
  const decoded = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const match = new RegExp(`${base.replace(/[.]/g, '\\.')}${path}\\?token=([A-Za-z0-9_-]+)`).exec(decoded);
  if (!match) throw new Error(`no ${base}${path} link in mail:\n${decoded}`);
  return match[1];
}

describe('accounts: invitations, password resets, deactivation', () => {
  let portal: TestPortal;
  const smtp = new SmtpSink();
  const token: Record<string, string> = {};
  let valleAltoId: string;
  let tierraVivaId: string;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    portal = await startTestPortal({
      env: { SMTP_URL: smtpUrl, OUTBOX_POLL_MS: '200', PUBLIC_URL: 'https://portal.example' },
    });
    for (const email of [
      'admin@clac.example',
      'ana@valle-alto.example',
      'luis@valle-alto.example',
      'marco@tierra-viva.example',
    ]) {
      token[email] = (await portal.login(email)).accessToken;
    }
    const { rows } = await portal.db.query(
      `SELECT id, name FROM organizations WHERE name IN ('Cooperativa Agraria Cafetalera Valle Alto', 'Asociación de Productores de Cacao Tierra Viva')`,
    );
    valleAltoId = rows.find((r: { name: string }) => r.name.includes('Valle Alto')).id;
    tierraVivaId = rows.find((r: { name: string }) => r.name.includes('Tierra Viva')).id;
  });
  afterAll(async () => {
    await portal?.stop();
    await smtp.stop();
  });

  it("emails an invitation in the invitee's language; its link works once, then answers 410", async () => {
    const invited = await portal.request('POST', '/api/v1/auth/invitations', {
      token: token['admin@clac.example'],
      body: {
        email: 'maria.nova@apicultores.example',
        name: 'Maria Nova',
        role: 'member',
        organizationId: tierraVivaId,
        language: 'pt',
      },
    });
    expect(invited.status).toBe(201);
    const pending = await portal.request('GET', `/api/v1/users/${invited.body.id}`, {
      token: token['admin@clac.example'],
    });
    expect(pending.body).toMatchObject({ invitationPending: true, active: true });
    await smtp.waitFor(() => smtp.to('maria.nova@apicultores.example').length === 1);
    const mail = smtp.to('maria.nova@apicultores.example')[0];
    expect(mail.subject).toBe('Convite para o Portal de serviços');
    const link = linkIn(mail.raw, '/accept-invitation');

    // The database holds neither the token nor anything it could be read from.
    const { rows } = await portal.db.query(
      `SELECT count(*)::int AS n FROM account_tokens WHERE token_hash = $1 OR id::text = $1`,
      [link],
    );
    expect(rows[0].n).toBe(0);
    const leaked = await portal.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE params::text LIKE '%' || $1 || '%'`,
      [link],
    );
    expect(leaked.rows[0].n).toBe(0);

    const weak = await portal.request('POST', '/api/v1/auth/accept-invitation', {
      body: { token: link, password: 'password123' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors.password).toEqual(['is one of the most common passwords: choose another']);
    const short = await portal.request('POST', '/api/v1/auth/accept-invitation', {
      body: { token: link, password: 'curta' },
    });
    expect(short.status).toBe(400);

    const accepted = await portal.request('POST', '/api/v1/auth/accept-invitation', {
      body: { token: link, password: 'mel do sertão 2026', language: 'pt' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({
      email: 'maria.nova@apicultores.example',
      role: 'member',
      language: 'pt',
      organization: { id: tierraVivaId },
    });
    expect((await portal.request('GET', '/api/v1/me', { token: accepted.body.accessToken })).status).toBe(200);
    expect(
      (
        await portal.request('POST', '/api/v1/auth/accept-invitation', {
          body: { token: link, password: 'otra clave muy larga' },
        })
      ).status,
    ).toBe(410);
    await expect(portal.login('maria.nova@apicultores.example', 'mel do sertão 2026')).resolves.toBeDefined();
    const joined = await portal.request('GET', `/api/v1/users/${invited.body.id}`, {
      token: token['admin@clac.example'],
    });
    expect(joined.body.invitationPending).toBe(false);
  });

  it("lets an admin make the invited member its organization's contact", async () => {
    const invited = await portal.request('POST', '/api/v1/auth/invitations', {
      token: token['admin@clac.example'],
      body: {
        email: 'nueva.contacto@tierra-viva.example',
        name: 'Nueva Contacto',
        role: 'member',
        organizationId: tierraVivaId,
        contact: true,
      },
    });
    expect(invited.status).toBe(201);
    const person = await portal.request('GET', `/api/v1/users/${invited.body.id}`, {
      token: token['admin@clac.example'],
    });
    expect(person.body).toMatchObject({ contact: true, organization: { id: tierraVivaId } });
  });

  it('answers 410 for an expired invitation (clock moved by the test) and for an unknown token', async () => {
    const invited = await portal.request('POST', '/api/v1/auth/invitations', {
      token: token['ana@valle-alto.example'],
      body: { email: 'pedro.nuevo@valle-alto.example', name: 'Pedro Nuevo', role: 'member' },
    });
    expect(invited.status).toBe(201);
    await smtp.waitFor(() => smtp.to('pedro.nuevo@valle-alto.example').length === 1);
    const mail = smtp.to('pedro.nuevo@valle-alto.example')[0];
    expect(mail.subject).toBe('Invitación al Portal de servicios');
    const link = linkIn(mail.raw, '/accept-invitation');
    await portal.db.query(
      `UPDATE account_tokens SET created_at = created_at - interval '8 days', expires_at = expires_at - interval '8 days' WHERE user_id = $1`,
      [invited.body.id],
    );
    expect(
      (
        await portal.request('POST', '/api/v1/auth/accept-invitation', {
          body: { token: link, password: 'una clave bien larga' },
        })
      ).status,
    ).toBe(410);
    expect(
      (
        await portal.request('POST', '/api/v1/auth/accept-invitation', {
          body: { token: 'x'.repeat(43), password: 'una clave bien larga' },
        })
      ).status,
    ).toBe(410);
  });

  it('lets a contact invite into its own organization only, and never give a staff role (403)', async () => {
    const ana = token['ana@valle-alto.example'];
    const other = await portal.request('POST', '/api/v1/auth/invitations', {
      token: ana,
      body: { email: 'x1@x.example', name: 'X', role: 'member', organizationId: tierraVivaId },
    });
    expect(other.status).toBe(403);
    const staff = await portal.request('POST', '/api/v1/auth/invitations', {
      token: ana,
      body: { email: 'x2@x.example', name: 'X', role: 'representative' },
    });
    expect(staff.status).toBe(403);
    const contact = await portal.request('POST', '/api/v1/auth/invitations', {
      token: ana,
      body: { email: 'x5@x.example', name: 'X', role: 'member', contact: true },
    });
    expect(contact.status).toBe(403);
    const notContact = await portal.request('POST', '/api/v1/auth/invitations', {
      token: token['luis@valle-alto.example'],
      body: { email: 'x3@x.example', name: 'X', role: 'member' },
    });
    expect(notContact.status).toBe(403);
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE '%@x.example'`);
    expect(rows[0].n).toBe(0);
    const own = await portal.request('POST', '/api/v1/auth/invitations', {
      token: ana,
      body: { email: 'x4@valle-alto.example', name: 'Ximena', role: 'member', organizationId: valleAltoId },
    });
    expect(own.status).toBe(201);
    // Someone invited elsewhere and not yet joined cannot be re-invited by this contact.
    expect(
      (
        await portal.request('POST', '/api/v1/auth/invitations', {
          token: ana,
          body: { email: 'maria.nova@apicultores.example', name: 'M', role: 'member' },
        })
      ).status,
    ).toBe(403);
    const pendingElsewhere = await portal.request('POST', '/api/v1/auth/invitations', {
      token: token['admin@clac.example'],
      body: { email: 'pendiente@tierra-viva.example', name: 'Pendiente', role: 'member', organizationId: tierraVivaId },
    });
    expect(pendingElsewhere.status).toBe(201);
    const reinvite = await portal.request('POST', '/api/v1/auth/invitations', {
      token: ana,
      body: { email: 'pendiente@tierra-viva.example', name: 'P', role: 'member' },
    });
    expect(reinvite.status).toBe(403);
    expect(JSON.stringify(reinvite.body)).not.toContain(pendingElsewhere.body.id);
  });

  it('answers forgot-password for an unknown email like a known one, and sends nothing', async () => {
    const before = (await portal.db.query(`SELECT count(*)::int AS n FROM notifications`)).rows[0].n;
    const unknown = await portal.request('POST', '/api/v1/auth/forgot-password', {
      body: { email: 'nadie@ninguna.example' },
    });
    const known = await portal.request('POST', '/api/v1/auth/forgot-password', {
      body: { email: 'marco@tierra-viva.example' },
    });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    await smtp.waitFor(() => smtp.to('marco@tierra-viva.example').length === 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.to('nadie@ninguna.example')).toHaveLength(0);
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM notifications`)).rows[0].n).toBe(before + 1);
  });

  it('resets the password with the link once, revoking every refresh token of the person', async () => {
    const session = await portal.login('marco@tierra-viva.example');
    const link = linkIn(smtp.to('marco@tierra-viva.example')[0].raw, '/reset-password');
    expect(smtp.to('marco@tierra-viva.example')[0].subject).toBe('Restablecer su contraseña');
    expect(
      (
        await portal.request('POST', '/api/v1/auth/reset-password', {
          body: { token: link, password: 'marco@tierra-viva.example' },
        })
      ).status,
    ).toBe(400);
    const reset = await portal.request('POST', '/api/v1/auth/reset-password', {
      body: { token: link, password: 'cacao fino de aroma 2026' },
    });
    expect(reset.status).toBe(204);
    expect(
      (await portal.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })).status,
    ).toBe(401);
    expect(
      (
        await portal.request('POST', '/api/v1/auth/reset-password', {
          body: { token: link, password: 'otra clave muy larga 1' },
        })
      ).status,
    ).toBe(410);
    expect(
      (
        await portal.request('POST', '/api/v1/auth/login', {
          body: { email: 'marco@tierra-viva.example', password: 'Demo-2026!' },
        })
      ).status,
    ).toBe(401);
    await expect(portal.login('marco@tierra-viva.example', 'cacao fino de aroma 2026')).resolves.toBeDefined();
  });

  it('re-routes the open requests of a deactivated representative by the routing rules', async () => {
    const ana = token['ana@valle-alto.example'];
    const created = [];
    for (let i = 0; i < 4; i++) {
      const answer = await portal.request('POST', '/api/v1/requests', {
        token: ana,
        body: { area: 'market-access', subject: `Mercados ${i}`, description: 'x' },
      });
      created.push(answer.body);
    }
    const {
      rows: [rosa],
    } = await portal.db.query(`SELECT id FROM users WHERE email = 'rep.pe1@clac.example'`);
    const rosasOpen = created.filter((r) => r.assignee.id === rosa.id);
    expect(rosasOpen.length).toBeGreaterThan(0);
    const deactivated = await portal.request('DELETE', `/api/v1/users/${rosa.id}`, {
      token: token['admin@clac.example'],
    });
    expect(deactivated.status).toBe(204);
    for (const request of rosasOpen) {
      const detail = await portal.request('GET', `/api/v1/requests/${request.id}`, {
        token: token['admin@clac.example'],
      });
      expect(detail.body.assignee.name).toBe('Jorge Huamán');
      expect(detail.body.routing.tier).toBe(2);
      const rerouted = detail.body.timeline
        .filter((e: { type: string; event: string }) => e.type === 'event' && e.event === 'routed')
        .at(-1);
      expect(rerouted).toMatchObject({
        from: 'Rosa Quispe',
        to: 'Jorge Huamán',
        reason: expect.stringContaining('Rosa Quispe was deactivated'),
      });
      // The member sees that its request changed hands, not the staff's reasons.
      const seenByMember = await portal.request('GET', `/api/v1/requests/${request.id}`, { token: ana });
      expect(
        seenByMember.body.timeline
          .filter((e: { type: string; event: string }) => e.type === 'event' && e.event === 'routed')
          .at(-1),
      ).toMatchObject({ to: 'Jorge Huamán', reason: null });
    }
    expect(
      (
        await portal.request('POST', '/api/v1/auth/login', {
          body: { email: 'rep.pe1@clac.example', password: 'Demo-2026!' },
        })
      ).status,
    ).toBe(401);
    const { rows } = await portal.db.query(
      `SELECT count(*)::int AS n FROM requests WHERE assignee_id = $1 AND status IN ('assigned', 'in_progress', 'waiting_on_member')`,
      [rosa.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it("lets a contact see and deactivate its own organization's people, and nobody else's", async () => {
    const ana = token['ana@valle-alto.example'];
    const people = await portal.request('GET', '/api/v1/my-organization/people', { token: ana });
    expect(people.status).toBe(200);
    expect(people.body.map((p: { email: string }) => p.email)).toEqual(
      expect.arrayContaining(['ana@valle-alto.example', 'luis@valle-alto.example']),
    );
    expect(
      (await portal.request('GET', '/api/v1/my-organization/people', { token: token['luis@valle-alto.example'] }))
        .status,
    ).toBe(403);
    const {
      rows: [marco],
    } = await portal.db.query(`SELECT id FROM users WHERE email = 'marco@tierra-viva.example'`);
    expect(
      (await portal.request('POST', `/api/v1/my-organization/people/${marco.id}/deactivate`, { token: ana })).status,
    ).toBe(403);
    const {
      rows: [luis],
    } = await portal.db.query(`SELECT id FROM users WHERE email = 'luis@valle-alto.example'`);
    expect(
      (await portal.request('POST', `/api/v1/my-organization/people/${luis.id}/deactivate`, { token: ana })).status,
    ).toBe(204);
    expect(
      (
        await portal.request('POST', '/api/v1/auth/login', {
          body: { email: 'luis@valle-alto.example', password: 'Demo-2026!' },
        })
      ).status,
    ).toBe(401);
  });
});
