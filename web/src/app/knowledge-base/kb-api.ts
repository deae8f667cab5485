import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ArticleEditorView,
  ArticleHit,
  ArticleStatus,
  ArticleSummary,
  ArticleView,
  KnowledgeBaseReport,
  Language,
  Page,
  ThematicArea,
} from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';

const KB = `${API_BASE_URL}/kb`;
const EDITOR = `${KB}/editor/articles`;
const path = (value: string) => encodeURIComponent(value);

export interface ArticleMetaBody {
  slug: string;
  area: ThematicArea;
  country: string | null;
  product: string | null;
  membersOnly: boolean;
}

/** The knowledge base's routes of the API (issue 21): reading, search, suggestions, the editors'. */
@Injectable({ providedIn: 'root' })
export class KbApi {
  private readonly http = inject(HttpClient);

  article(slug: string, language: Language): Promise<ArticleView> {
    return firstValueFrom(this.http.get<ArticleView>(`${KB}/articles/${path(slug)}`, { params: { language } }));
  }

  search(language: Language, q: string, area: ThematicArea | '', page = 1): Promise<Page<ArticleHit>> {
    const params: Record<string, string> = { language, page: String(page), pageSize: '20' };
    if (q) params['q'] = q;
    if (area) params['area'] = area;
    return firstValueFrom(this.http.get<Page<ArticleHit>>(`${KB}/articles`, { params }));
  }

  suggestions(subject: string, area: ThematicArea | null): Promise<ArticleHit[]> {
    const params: Record<string, string> = { subject };
    if (area) params['area'] = area;
    return firstValueFrom(this.http.get<ArticleHit[]>(`${KB}/suggestions`, { params }));
  }

  answered(articleId: string, visitId: string): Promise<{ counted: boolean }> {
    return firstValueFrom(
      this.http.post<{ counted: boolean }>(`${KB}/articles/${path(articleId)}/answered`, { visitId }),
    );
  }

  requestTranslation(articleId: string, language: Language): Promise<void> {
    return firstValueFrom(this.http.post<void>(`${KB}/articles/${path(articleId)}/translation-requests`, { language }));
  }

  list(): Promise<ArticleSummary[]> {
    return firstValueFrom(this.http.get<ArticleSummary[]>(EDITOR));
  }

  get(id: string): Promise<ArticleEditorView> {
    return firstValueFrom(this.http.get<ArticleEditorView>(`${EDITOR}/${path(id)}`));
  }

  create(body: ArticleMetaBody & { language: Language; title: string; body: string }): Promise<ArticleEditorView> {
    return firstValueFrom(this.http.post<ArticleEditorView>(EDITOR, body));
  }

  update(id: string, body: ArticleMetaBody & { version: number }): Promise<ArticleEditorView> {
    return firstValueFrom(this.http.patch<ArticleEditorView>(`${EDITOR}/${path(id)}`, body));
  }

  saveVersion(id: string, language: Language, body: { title: string; body: string }): Promise<ArticleEditorView> {
    return firstValueFrom(this.http.put<ArticleEditorView>(`${EDITOR}/${path(id)}/versions/${language}`, body));
  }

  changeStatus(id: string, to: ArticleStatus): Promise<ArticleEditorView> {
    return firstValueFrom(this.http.post<ArticleEditorView>(`${EDITOR}/${path(id)}/status`, { to }));
  }

  suggestEdit(id: string, language: Language, body: string): Promise<unknown> {
    return firstValueFrom(this.http.post(`${EDITOR}/${path(id)}/suggestions`, { language, body }));
  }

  draftFromRequest(requestId: string): Promise<ArticleEditorView> {
    return firstValueFrom(this.http.post<ArticleEditorView>(`${EDITOR}/from-request/${path(requestId)}`, {}));
  }

  report(): Promise<KnowledgeBaseReport> {
    return firstValueFrom(this.http.get<KnowledgeBaseReport>(`${API_BASE_URL}/reports/knowledge-base`));
  }
}
