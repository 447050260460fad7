import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { PageState } from '../core/http/page-state';
import {
  Admission,
  AdmissionFilter,
  AdmissionSummary,
  CancelAdmissionRequest,
  CreateAdmissionRequest,
  CreateInfusionEventRequest,
  CreateInfusionOrderRequest,
  DischargeRequest,
  EnteredInErrorRequest,
  ObservationSchedule,
  ObservationScheduleRequest,
  OrderCreated,
  Page,
  Spo2Scale2Target,
  Spo2Scale2TargetRequest,
  VersionedRequest,
} from '../core/api-types';
import { pageHandlesErrors } from '../core/http/page-handles-errors';

/**
 * Admissions and the prescriber's infusion record. Every write names the admission version it was
 * based on and the page shows what the server objects to (a stale version above all), so writes
 * keep their errors out of the global banner.
 */
@Injectable({ providedIn: 'root' })
export class AdmissionsApi {
  private readonly http = inject(HttpClient);
  private readonly page = inject(PageState);

  /** Every open admission by default. */
  list(filter: AdmissionFilter = {}): Observable<Page<AdmissionSummary>> {
    let params = new HttpParams();
    if (filter.ward) {
      params = params.set('ward', filter.ward);
    }
    if (filter.status?.length) {
      params = params.set('status', filter.status.join(','));
    }
    return this.http.get<Page<AdmissionSummary>>('/api/admissions', { params });
  }

  get(id: string): Observable<Admission> {
    return this.page.read(`admission ${id}`, () =>
      this.http.get<Admission>(`/api/admissions/${encodeURIComponent(id)}`),
    );
  }

  create(request: CreateAdmissionRequest): Observable<Admission> {
    return this.http.post<Admission>('/api/admissions', request, { context: pageHandlesErrors() });
  }

  writeOrder(admissionId: string, request: CreateInfusionOrderRequest): Observable<OrderCreated> {
    return this.http.post<OrderCreated>(`${this.admissionUrl(admissionId)}/infusion-orders`, request, {
      context: pageHandlesErrors(),
    });
  }

  markOrderEnteredInError(orderId: string, request: EnteredInErrorRequest): Observable<Admission> {
    return this.http.post<Admission>(
      `/api/infusion-orders/${encodeURIComponent(orderId)}/entered-in-error`,
      request,
      { context: pageHandlesErrors() },
    );
  }

  recordEvent(admissionId: string, request: CreateInfusionEventRequest): Observable<Admission> {
    return this.http.post<Admission>(`${this.admissionUrl(admissionId)}/infusion-events`, request, {
      context: pageHandlesErrors(),
    });
  }

  admit(admissionId: string, request: VersionedRequest): Observable<Admission> {
    return this.http.post<Admission>(`${this.admissionUrl(admissionId)}/admit`, request, {
      context: pageHandlesErrors(),
    });
  }

  discharge(admissionId: string, request: DischargeRequest): Observable<Admission> {
    return this.http.post<Admission>(`${this.admissionUrl(admissionId)}/discharge`, request, {
      context: pageHandlesErrors(),
    });
  }

  cancel(admissionId: string, request: CancelAdmissionRequest): Observable<Admission> {
    return this.http.post<Admission>(`${this.admissionUrl(admissionId)}/cancel`, request, {
      context: pageHandlesErrors(),
    });
  }

  setObservationSchedule(
    admissionId: string,
    request: ObservationScheduleRequest,
  ): Observable<ObservationSchedule> {
    return this.http.post<ObservationSchedule>(
      `${this.admissionUrl(admissionId)}/observation-schedule`,
      request,
      {
        context: pageHandlesErrors(),
      },
    );
  }

  /** Documents the prescribed target that lets scale 2 be used, or withdraws it (null); answers the target in force. */
  setSpo2Scale2Target(
    admissionId: string,
    request: Spo2Scale2TargetRequest,
  ): Observable<Spo2Scale2Target | null> {
    return this.http.post<Spo2Scale2Target | null>(
      `${this.admissionUrl(admissionId)}/spo2-scale2-target`,
      request,
      { context: pageHandlesErrors() },
    );
  }

  private admissionUrl(id: string): string {
    return `/api/admissions/${encodeURIComponent(id)}`;
  }
}
