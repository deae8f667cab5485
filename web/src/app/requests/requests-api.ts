import { HttpClient, type HttpEvent, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AdminUserView,
  AssignBody,
  AssigneeCandidate,
  AttachmentView,
  CreateMessageBody,
  CreateRequestBody,
  CursorPage,
  EscalateBody,
  MessageView,
  Page,
  RequestCannedAnswers,
  RequestDetailView,
  RequestListItem,
  RequestView,
  RoutingPreview,
  SatisfactionBody,
  ThematicArea,
  ThematicAreaView,
  TransitionBody,
  UpdateRequestBody,
} from '@portal/shared';
import { firstValueFrom, type Observable } from 'rxjs';

import { API_BASE_URL } from '../core/api';
import { UploadHttp } from './upload-http';

export interface RequestListQuery {
  page: number;
  pageSize: number;
  sort?: string;
  /** Statuses separated by commas. */
  status?: string;
  createdBy?: 'me';
  q?: string;
}

/** The request routes of the API, for the member's pages and the request page. */
@Injectable({ providedIn: 'root' })
export class RequestsApi {
  private readonly http = inject(HttpClient);
  private readonly uploads = inject(UploadHttp).client;

  list(query: RequestListQuery): Promise<CursorPage<RequestListItem>> {
    const { status, createdBy, q } = query;
    const params = new HttpParams({
      fromObject: {
        page: query.page,
        pageSize: query.pageSize,
        sort: query.sort ?? '-createdAt',
        ...(status ? { status } : {}),
        ...(createdBy ? { createdBy } : {}),
        ...(q?.trim() ? { q: q.trim() } : {}),
      },
    });
    return firstValueFrom(this.http.get<CursorPage<RequestListItem>>(`${API_BASE_URL}/requests`, { params }));
  }

  get(id: string): Promise<RequestDetailView> {
    return firstValueFrom(this.http.get<RequestDetailView>(`${API_BASE_URL}/requests/${encodeURIComponent(id)}`));
  }

  /** The same key on a retry returns the first answer: one request, however many tries. */
  create(body: CreateRequestBody, idempotencyKey: string): Promise<RequestView> {
    return firstValueFrom(
      this.http.post<RequestView>(`${API_BASE_URL}/requests`, body, { headers: { 'Idempotency-Key': idempotencyKey } }),
    );
  }

  update(id: string, body: UpdateRequestBody): Promise<RequestView> {
    return firstValueFrom(this.http.patch<RequestView>(`${this.requestUrl(id)}`, body));
  }

  /** With a key (a reply queued offline), a retry returns the first answer: one message, however many tries. */
  addMessage(id: string, body: CreateMessageBody, idempotencyKey?: string): Promise<MessageView> {
    const headers = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined;
    return firstValueFrom(this.http.post<MessageView>(`${this.requestUrl(id)}/messages`, body, { headers }));
  }

  transition(id: string, body: TransitionBody): Promise<RequestView> {
    return firstValueFrom(this.http.post<RequestView>(`${this.requestUrl(id)}/transitions`, body));
  }

  assign(id: string, body: AssignBody): Promise<RequestView> {
    return firstValueFrom(this.http.post<RequestView>(`${this.requestUrl(id)}/assign`, body));
  }

  /** Whom the caller may give the request to, those whose coverage matches first. */
  /** The canned answers of the request's area, filled for its member (staff's reply box). */
  cannedAnswers(id: string): Promise<RequestCannedAnswers> {
    return firstValueFrom(this.http.get<RequestCannedAnswers>(`${this.requestUrl(id)}/canned-answers`));
  }

  assignees(id: string, search: string): Promise<AssigneeCandidate[]> {
    const params = search ? { search } : undefined;
    return firstValueFrom(this.http.get<AssigneeCandidate[]>(`${this.requestUrl(id)}/assignees`, { params }));
  }

  claim(id: string): Promise<RequestView> {
    return firstValueFrom(this.http.post<RequestView>(`${this.requestUrl(id)}/claim`, {}));
  }

  escalate(id: string, body: EscalateBody): Promise<RequestView> {
    return firstValueFrom(this.http.post<RequestView>(`${this.requestUrl(id)}/escalate`, body));
  }

  rate(id: string, body: SatisfactionBody): Promise<unknown> {
    return firstValueFrom(this.http.post(`${this.requestUrl(id)}/satisfaction`, body));
  }

  /** Upload events, for a progress bar. `messageId` goes first: the API checks it before reading the file. */
  upload(requestId: string, file: Blob, fileName: string, messageId?: string): Observable<HttpEvent<AttachmentView>> {
    const form = new FormData();
    if (messageId) form.append('messageId', messageId);
    form.append('file', file, fileName);
    return this.uploads.post<AttachmentView>(`${this.requestUrl(requestId)}/attachments`, form, {
      reportProgress: true,
      observe: 'events',
    });
  }

  /** A file as a Blob: the download needs the access token, which a plain link would not send. */
  download(attachmentId: string): Promise<Blob> {
    return firstValueFrom(
      this.http.get(`${API_BASE_URL}/attachments/${encodeURIComponent(attachmentId)}`, { responseType: 'blob' }),
    );
  }

  thematicAreas(): Promise<ThematicAreaView[]> {
    return firstValueFrom(this.http.get<ThematicAreaView[]>(`${API_BASE_URL}/reference/thematic-areas`));
  }

  routingPreview(country: string, area: ThematicArea): Promise<RoutingPreview> {
    const params = new HttpParams({ fromObject: { country, area } });
    return firstValueFrom(this.http.get<RoutingPreview>(`${API_BASE_URL}/routing/preview`, { params }));
  }

  /** Active people matching `q` (admins only: the users route is administration). */
  searchUsers(q: string): Promise<Page<AdminUserView>> {
    const params = new HttpParams({ fromObject: { q, active: true, pageSize: 20 } });
    return firstValueFrom(this.http.get<Page<AdminUserView>>(`${API_BASE_URL}/users`, { params }));
  }

  private requestUrl(id: string): string {
    return `${API_BASE_URL}/requests/${encodeURIComponent(id)}`;
  }
}
