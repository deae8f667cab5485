import { hasFilters, parseInboxQuery, toApiParams, toUrlParams, withoutFilters } from './inbox-query';

describe('the inbox query in the URL', () => {
  it('starts a representative on its own requests, and a director on its region', () => {
    expect(parseInboxQuery({}, 'representative').tab).toBe('mine');
    expect(parseInboxQuery({}, 'director').tab).toBe('coverage');
    expect(toApiParams(parseInboxQuery({}, 'representative'))).toEqual({
      page: '1',
      pageSize: '25',
      sort: '-createdAt',
      assignee: 'me',
    });
  });

  it('reads a link from the reports as "all of these", not "mine"', () => {
    const query = parseInboxQuery({ country: 'PE', status: 'assigned' }, 'representative');
    expect(query.tab).toBe('coverage');
    expect(toApiParams(query)).toEqual({
      page: '1',
      pageSize: '25',
      sort: '-createdAt',
      country: 'PE',
      status: 'assigned',
    });
  });

  it('turns the views into assignee and breach filters', () => {
    expect(toApiParams(parseInboxQuery({ tab: 'unassigned' }, 'admin'))['assignee']).toBe('none');
    const breached = toApiParams(parseInboxQuery({ tab: 'breached' }, 'admin'));
    expect(breached['breached']).toBe('true');
    expect(breached['assignee']).toBeUndefined();
    expect(parseInboxQuery({ breached: 'true' }, 'director').tab).toBe('breached');
  });

  it('gives the executive no "mine" view, even from a link', () => {
    expect(parseInboxQuery({ tab: 'mine' }, 'executive').tab).toBe('coverage');
  });

  it('drops malformed values instead of sending them to the API', () => {
    const query = parseInboxQuery(
      {
        status: 'new,bogus,assigned,new',
        area: 'cooking',
        country: 'peru',
        sort: 'name',
        page: '-3',
        assignee: 'x',
        from: 'yesterday',
        region: 'AND',
      },
      'representative',
    );
    expect(query).toMatchObject({
      statuses: ['new', 'assigned'],
      area: null,
      country: null,
      sort: '-createdAt',
      page: 1,
      assignee: null,
      from: null,
    });
    // Representatives are not offered the region filter, so a stray one does not hide their rows.
    expect(query.region).toBeNull();
    expect(parseInboxQuery({ country: 'pe' }, 'admin').country).toBe('PE');
  });

  it('writes back the same URL it reads, leaving the defaults out', () => {
    const params = { tab: 'mine', status: 'assigned,in_progress', q: 'café', sort: '-priority', page: '2' };
    const query = parseInboxQuery(params, 'representative');
    const written = toUrlParams(query, 'representative');
    expect(Object.fromEntries(Object.entries(written).filter(([, value]) => value !== null))).toEqual(params);
    expect(parseInboxQuery(written, 'representative')).toEqual(query);
    expect(toUrlParams(parseInboxQuery({}, 'representative'), 'representative')['tab']).toBeNull();
  });

  it('clears every filter but keeps the view and the sort', () => {
    const query = parseInboxQuery(
      { tab: 'breached', country: 'BO', escalated: 'true', sort: 'dueAt', page: '3' },
      'director',
    );
    expect(hasFilters(query)).toBe(true);
    const cleared = withoutFilters(query);
    expect(hasFilters(cleared)).toBe(false);
    expect(cleared).toMatchObject({ tab: 'breached', sort: 'dueAt', page: 1 });
  });
});
