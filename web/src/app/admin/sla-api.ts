import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Priority, ThematicArea } from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';

/** GET /sla-policies: the targets of one thematic area and priority, in business hours. */
export interface SlaPolicyView {
  id: string;
  area: ThematicArea;
  priority: Priority;
  firstResponseHours: number;
  resolutionHours: number;
}

/** GET /holidays: a day that is not business time in a country. */
export interface HolidayView {
  id: string;
  country: string;
  date: string;
  name: string;
}

/** POST /holidays/import: what the shipped table added; `skipped`: dates the country had. */
export interface HolidayImportView {
  country: string;
  year: number;
  added: HolidayView[];
  skipped: number;
}

/** The years the shipped table of public holidays holds (shared/data/public-holidays.json). */
export const PUBLIC_HOLIDAY_YEARS = [2026, 2027, 2028] as const;

/** The SLA routes of the API: targets per area and priority, holidays per country. */
@Injectable({ providedIn: 'root' })
export class SlaApi {
  private readonly http = inject(HttpClient);

  policies(): Promise<SlaPolicyView[]> {
    return firstValueFrom(this.http.get<SlaPolicyView[]>(`${API_BASE_URL}/sla-policies`));
  }

  updatePolicy(id: string, body: { firstResponseHours: number; resolutionHours: number }): Promise<SlaPolicyView> {
    return firstValueFrom(
      this.http.patch<SlaPolicyView>(`${API_BASE_URL}/sla-policies/${encodeURIComponent(id)}`, body),
    );
  }

  holidays(country: string, year: number): Promise<HolidayView[]> {
    return firstValueFrom(
      this.http.get<HolidayView[]>(`${API_BASE_URL}/holidays`, { params: { country, year: String(year) } }),
    );
  }

  addHoliday(body: { country: string; date: string; name: string }): Promise<HolidayView> {
    return firstValueFrom(this.http.post<HolidayView>(`${API_BASE_URL}/holidays`, body));
  }

  deleteHoliday(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${API_BASE_URL}/holidays/${encodeURIComponent(id)}`));
  }

  importHolidays(country: string, year: number): Promise<HolidayImportView> {
    return firstValueFrom(this.http.post<HolidayImportView>(`${API_BASE_URL}/holidays/import`, { country, year }));
  }
}
