import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';
import { saveBlob } from '../core/save-blob';
import { fileNameFromDisposition } from './report-query';

/** The reports' downloads (the JSON reports are read with httpResource by the page). */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  /**
   * Fetches a CSV or an XLSX file with the access token (a plain link cannot carry it) and
   * hands it to the browser under the name the API gives. The spreadsheet is made by the
   * API, its headers in `language`: no spreadsheet library in the web bundle.
   */
  async download(
    report: 'load' | 'trend' | 'quality',
    format: 'csv' | 'xlsx',
    params: Record<string, string>,
    language: string,
    fallbackName: string,
  ): Promise<void> {
    const response = await firstValueFrom(
      this.http.get(`${API_BASE_URL}/reports/${report}.csv`, {
        params: format === 'xlsx' ? { ...params, format } : params,
        headers: { 'Accept-Language': language },
        observe: 'response',
        responseType: 'blob',
      }),
    );
    const body = response.body ?? new Blob([]);
    saveBlob(body, fileNameFromDisposition(response.headers.get('Content-Disposition'), fallbackName));
  }
}
