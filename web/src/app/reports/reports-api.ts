import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';
import { saveBlob } from '../core/save-blob';
import { fileNameFromDisposition } from './report-query';

/** The CSV downloads of the reports (the JSON reports are read with httpResource by the page). */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  /**
   * Fetches a CSV with the access token (a plain link cannot carry it) and hands it to the
   * browser under the name the API gives.
   */
  async downloadCsv(
    report: 'load' | 'trend' | 'quality',
    params: Record<string, string>,
    fallbackName: string,
  ): Promise<void> {
    const response = await firstValueFrom(
      this.http.get(`${API_BASE_URL}/reports/${report}.csv`, { params, observe: 'response', responseType: 'blob' }),
    );
    const body = response.body ?? new Blob([], { type: 'text/csv' });
    saveBlob(body, fileNameFromDisposition(response.headers.get('Content-Disposition'), fallbackName));
  }
}
