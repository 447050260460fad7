import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  OutcomeDrillDown,
  OutcomeReport,
  OutcomeReportFilter,
  ServiceReport,
  ServiceReportFilter,
} from '../core/api-types';

/** The reports' HTTP calls: aggregate figures only, and the de-identified analysis data set. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  outcomes(filter: OutcomeReportFilter): Observable<OutcomeReport> {
    return this.http.get<OutcomeReport>('/api/reports/outcomes', { params: reportParams(filter) });
  }

  /** The admissions behind one number of the outcome report (names and MRNs hidden from auditors). */
  outcomeAdmissions(filter: OutcomeReportFilter, cell: string, group?: string): Observable<OutcomeDrillDown> {
    return this.http.get<OutcomeDrillDown>('/api/reports/outcomes/admissions', {
      params: reportParams({ ...filter, cell, group }),
    });
  }

  service(filter: ServiceReportFilter): Observable<ServiceReport> {
    return this.http.get<ServiceReport>('/api/reports/service', { params: reportParams(filter) });
  }

  /** Where the analysis data set is downloaded from, with the filters the report shows. */
  analysisCsvUrl(filter: OutcomeReportFilter): string {
    const { groupBy: _groupBy, ...rest } = filter;
    const query = reportParams(rest).toString();
    return `/api/exports/outcome-analysis.csv${query ? `?${query}` : ''}`;
  }
}

/** The tables of the reports the server exports as CSV (GET /api/exports/<report>-report.csv?table=). */
export type OutcomeTableName =
  'cohort' | 'curve' | 'risk-table' | 'survival-at' | 'medians' | 'log-rank' | 'responder-rates';
export type ServiceTableName =
  | 'admissions-per-month'
  | 'length-of-stay'
  | 'pauses'
  | 'side-effects'
  | 'highest-sedation'
  | 'safety'
  | 'follow-ups';

export function outcomeTableCsvUrl(table: OutcomeTableName, filter: OutcomeReportFilter): string {
  return `/api/exports/outcome-report.csv?${reportParams({ table, ...filter }).toString()}`;
}

export function serviceTableCsvUrl(table: ServiceTableName, filter: ServiceReportFilter): string {
  return `/api/exports/service-report.csv?${reportParams({ table, ...filter }).toString()}`;
}

export function reportParams(filter: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}
