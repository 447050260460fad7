import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { AppInfo } from '../api-types';

@Injectable({ providedIn: 'root' })
export class AppInfoApi {
  private readonly http = inject(HttpClient);

  get(): Observable<AppInfo> {
    return this.http.get<AppInfo>('/api/app-info');
  }
}
