import request from 'supertest';
import { ApiClient, aUser } from '../testing/api-client.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';
import { buildChartRenderer } from '../testing/chart-renderer.js';
import { ROLES, type Role } from './roles.js';
import { aDischargedAdmission, aPatient, anAdmission, anOrder } from '../testing/clinical-factories.js';
import { anObservationSet } from '../testing/observation-factories.js';

type Access = 'public' | 'signed-in' | Role[];

interface Context {
  targetUserId: string;
  unique: string;
  /** A fresh admission with a current order (version 2), and a patient without an open admission. */
  admissionId: string;
  orderId: string;
  patientId: string;
}

interface Endpoint {
  method: 'get' | 'post' | 'patch' | 'put';
  path: string;
  access: Access;
  /** A valid request for a freshly made user of the role under test. */
  call: (client: ApiClient, context: Context) => Promise<{ status: number }>;
}

/**
 * Every endpoint of the API with who may use it (the role table of the sign-in issue). A new endpoint
 * that is not listed here fails the first test below, so nobody forgets to decide.
 */
const ENDPOINTS: Endpoint[] = [
  { method: 'get', path: '/api/health', access: 'public', call: (c) => c.get('/api/health') },
  { method: 'get', path: '/api/app-info', access: 'public', call: (c) => c.get('/api/app-info') },
  {
    method: 'post',
    path: '/api/auth/login',
    access: 'public',
    call: (c) => c.post('/api/auth/login', { username: 'x', password: 'y' }),
  },
  { method: 'post', path: '/api/auth/logout', access: 'signed-in', call: (c) => c.post('/api/auth/logout') },
  { method: 'get', path: '/api/auth/me', access: 'signed-in', call: (c) => c.get('/api/auth/me') },
  {
    method: 'post',
    path: '/api/auth/change-password',
    access: 'signed-in',
    call: (c) =>
      c.post('/api/auth/change-password', {
        currentPassword: 'correct horse battery',
        newPassword: 'another fine passphrase',
      }),
  },
  { method: 'get', path: '/api/users', access: ['admin'], call: (c) => c.get('/api/users') },
  {
    method: 'post',
    path: '/api/users',
    access: ['admin'],
    call: (c, { unique }) =>
      c.post('/api/users', {
        username: `made-${unique}`,
        displayName: 'Made',
        roles: ['nurse'],
        password: 'a long enough password',
      }),
  },
  {
    method: 'patch',
    path: '/api/users/{id}',
    access: ['admin'],
    call: (c, { targetUserId }) => c.patch(`/api/users/${targetUserId}`, { displayName: 'Renamed' }),
  },
  {
    method: 'post',
    path: '/api/users/{id}/reset-password',
    access: ['admin'],
    call: (c, { targetUserId }) =>
      c.post(`/api/users/${targetUserId}/reset-password`, { password: 'a temporary password' }),
  },
  {
    method: 'get',
    path: '/api/audit-events',
    access: ['admin', 'auditor'],
    call: (c) => c.get('/api/audit-events'),
  },
  {
    method: 'get',
    path: '/api/audit-events/users',
    access: ['admin', 'auditor'],
    call: (c) => c.get('/api/audit-events/users'),
  },
  {
    method: 'get',
    path: '/api/audit-events/patients',
    access: ['admin'],
    call: (c) => c.get('/api/audit-events/patients?q=ngu'),
  },
  {
    method: 'get',
    path: '/api/exports/audit-events.csv',
    access: ['admin', 'auditor'],
    call: (c) => c.get('/api/exports/audit-events.csv'),
  },
  {
    method: 'get',
    path: '/api/patients',
    access: ['nurse', 'prescriber'],
    call: (c) => c.get('/api/patients?q=ngu'),
  },
  {
    method: 'post',
    path: '/api/patients',
    access: ['prescriber'],
    call: (c) => c.post('/api/patients', aPatient()),
  },
  {
    method: 'get',
    path: '/api/patients/{id}',
    access: ['nurse', 'prescriber'],
    call: (c, { patientId }) => c.get(`/api/patients/${patientId}`),
  },
  {
    method: 'get',
    path: '/api/admissions',
    access: ['nurse', 'prescriber'],
    call: (c) => c.get('/api/admissions'),
  },
  {
    method: 'post',
    path: '/api/admissions',
    access: ['prescriber'],
    call: (c, { patientId }) => c.post('/api/admissions', anAdmission(patientId)),
  },
  {
    method: 'get',
    path: '/api/admissions/{id}',
    access: ['nurse', 'prescriber'],
    call: (c, { admissionId }) => c.get(`/api/admissions/${admissionId}`),
  },
  {
    method: 'post',
    path: '/api/admissions/{id}/admit',
    access: ['prescriber'],
    call: async (c, { patientId }) => {
      const planned = await c.post('/api/admissions', anAdmission(patientId, { planned: true }));
      return planned.status === 201
        ? c.post(`/api/admissions/${planned.body.id}/admit`, { version: 1 })
        : planned;
    },
  },
  {
    method: 'post',
    path: '/api/admissions/{id}/discharge',
    access: ['prescriber'],
    call: async (c, { patientId }) => {
      const admitted = await c.post('/api/admissions', anAdmission(patientId));
      return admitted.status === 201
        ? c.post(`/api/admissions/${admitted.body.id}/discharge`, {
            version: 1,
            summary: 'Declined',
            reason: 'Declined',
          })
        : admitted;
    },
  },
  {
    method: 'post',
    path: '/api/admissions/{id}/cancel',
    access: ['prescriber'],
    call: async (c, { patientId }) => {
      const planned = await c.post('/api/admissions', anAdmission(patientId, { planned: true }));
      return planned.status === 201
        ? c.post(`/api/admissions/${planned.body.id}/cancel`, { version: 1, reason: 'No bed' })
        : planned;
    },
  },
  {
    method: 'post',
    path: '/api/admissions/{id}/infusion-orders',
    access: ['prescriber'],
    call: (c, { admissionId }) => c.post(`/api/admissions/${admissionId}/infusion-orders`, anOrder(2)),
  },
  {
    method: 'post',
    path: '/api/infusion-orders/{id}/entered-in-error',
    access: ['prescriber'],
    call: (c, { orderId }) =>
      c.post(`/api/infusion-orders/${orderId}/entered-in-error`, { version: 2, reason: 'Wrong chart' }),
  },
  {
    method: 'post',
    path: '/api/admissions/{id}/infusion-events',
    access: ['nurse', 'prescriber'],
    call: async (c, { admissionId }) => {
      const started = await c.post(`/api/admissions/${admissionId}/infusion-events`, {
        version: 2,
        type: 'start',
      });
      // Nurses may not start an infusion, but may pause one that runs.
      if (started.status === 403)
        await setUp.prescriber.post(`/api/admissions/${admissionId}/infusion-events`, {
          version: 2,
          type: 'start',
        });
      return c.post(`/api/admissions/${admissionId}/infusion-events`, {
        version: 3,
        type: 'pause',
        reason: 'Hallucinations',
      });
    },
  },
  { method: 'get', path: '/api/wards', access: ['nurse', 'prescriber'], call: (c) => c.get('/api/wards') },
  {
    method: 'get',
    path: '/api/wards/{id}/board',
    access: ['nurse', 'prescriber'],
    call: (c) => c.get('/api/wards/Pain%20Medicine%20Unit/board'),
  },
  {
    method: 'get',
    path: '/api/admissions/{id}/observation-sets',
    access: ['nurse', 'prescriber'],
    call: (c, { admissionId }) => c.get(`/api/admissions/${admissionId}/observation-sets`),
  },
  {
    method: 'post',
    path: '/api/admissions/{id}/observation-sets',
    access: ['nurse', 'prescriber'],
    call: (c, { admissionId }) =>
      c.post(`/api/admissions/${admissionId}/observation-sets`, anObservationSet()),
  },
  {
    method: 'post',
    path: '/api/observation-sets/{id}/entered-in-error',
    access: ['nurse', 'prescriber'],
    call: async (c, { admissionId }) => {
      const set = await setUp.prescriber.post(
        `/api/admissions/${admissionId}/observation-sets`,
        anObservationSet(),
      );
      return c.post(`/api/observation-sets/${set.body.id}/entered-in-error`, { reason: 'Wrong patient' });
    },
  },
  {
    method: 'post',
    path: '/api/admissions/{id}/observation-schedule',
    access: ['prescriber'],
    call: (c, { admissionId }) =>
      c.post(`/api/admissions/${admissionId}/observation-schedule`, {
        routineMinutes: 60,
        intensifiedMinutes: 15,
        intensifiedForMinutes: 60,
      }),
  },
  {
    method: 'patch',
    path: '/api/admissions/{id}',
    access: ['prescriber'],
    call: (c, { admissionId }) => c.patch(`/api/admissions/${admissionId}`, { version: 2, bed: '14' }),
  },
  // timeline (issue 10)
  {
    method: 'get',
    path: '/api/admissions/{id}/timeline',
    access: ['nurse', 'prescriber'],
    call: (c, { admissionId }) => c.get(`/api/admissions/${admissionId}/timeline`),
  },
  {
    method: 'get',
    path: '/api/admissions/{id}/timeline/picture',
    access: ['nurse', 'prescriber'],
    call: (c, { admissionId }) => c.get(`/api/admissions/${admissionId}/timeline/picture?width=800`),
  },
  // Follow-ups after discharge (issue 9)
  {
    method: 'patch',
    path: '/api/patients/{id}/contact',
    access: ['nurse', 'prescriber'],
    call: (c, { patientId }) =>
      c.patch(`/api/patients/${patientId}/contact`, {
        phoneNumbers: [{ label: 'mobile', number: '0412 345 678' }],
        preferredMethod: 'phone',
      }),
  },
  {
    method: 'get',
    path: '/api/follow-ups',
    access: ['nurse', 'prescriber'],
    call: (c) => c.get('/api/follow-ups'),
  },
  {
    method: 'get',
    path: '/api/admissions/{id}/follow-ups',
    access: ['nurse', 'prescriber', 'auditor'],
    call: async (c) => c.get(`/api/admissions/${(await discharged()).id}/follow-ups`),
  },
  {
    method: 'post',
    path: '/api/admissions/{id}/follow-ups',
    access: ['prescriber'],
    call: async (c) =>
      c.post(`/api/admissions/${(await discharged()).id}/follow-ups`, {
        dueOn: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
        reason: 'Extra call',
      }),
  },
  {
    method: 'post',
    path: '/api/follow-ups/{id}/cancel',
    access: ['prescriber'],
    call: async (c) =>
      c.post(`/api/follow-ups/${await firstFollowUp()}/cancel`, { reason: 'Seen in clinic' }),
  },
  {
    method: 'post',
    path: '/api/follow-ups/{id}/attempts',
    access: ['nurse', 'prescriber'],
    call: async (c) =>
      c.post(`/api/follow-ups/${await firstFollowUp()}/attempts`, {
        method: 'phone',
        at: new Date().toISOString(),
        result: 'no-answer',
      }),
  },
  {
    method: 'post',
    path: '/api/follow-ups/{id}/outcome',
    access: ['nurse', 'prescriber'],
    call: async (c) => c.post(`/api/follow-ups/${await firstFollowUp()}/outcome`, anOutcome()),
  },
  {
    method: 'post',
    path: '/api/follow-up-outcomes/{id}/entered-in-error',
    access: ['nurse', 'prescriber'],
    call: async (c) => {
      const recorded = await setUp.prescriber.post(
        `/api/follow-ups/${await firstFollowUp()}/outcome`,
        anOutcome(),
      );
      return c.post(`/api/follow-up-outcomes/${recorded.body.outcome.id}/entered-in-error`, {
        reason: 'Wrong patient',
      });
    },
  },
  {
    method: 'post',
    path: '/api/admissions/{id}/lost-to-follow-up',
    access: ['nurse', 'prescriber'],
    call: async (c) =>
      c.post(`/api/admissions/${(await discharged()).id}/lost-to-follow-up`, {
        kind: 'lost',
        on: new Date(Date.now() - 60_000).toISOString().slice(0, 10),
        reason: 'No answer on any number',
      }),
  },
  {
    method: 'post',
    path: '/api/follow-up-terminal-events/{id}/entered-in-error',
    access: ['nurse', 'prescriber'],
    call: async (c) => {
      const ended = await setUp.prescriber.post(
        `/api/admissions/${(await discharged()).id}/lost-to-follow-up`,
        {
          kind: 'lost',
          on: new Date(Date.now() - 60_000).toISOString().slice(0, 10),
          reason: 'No answer on any number',
        },
      );
      return c.post(`/api/follow-up-terminal-events/${ended.body.terminalEvent.id}/entered-in-error`, {
        reason: 'Recorded for the wrong patient',
      });
    },
  },
  {
    method: 'get',
    path: '/api/follow-up-schedule',
    access: 'signed-in',
    call: (c) => c.get('/api/follow-up-schedule'),
  },
  {
    method: 'put',
    path: '/api/follow-up-schedule',
    access: ['admin'],
    call: (c) =>
      c.put('/api/follow-up-schedule', {
        items: [1, 2, 4, 8, 12, 26].map((weeks) => ({ weeks, windowDays: weeks <= 4 ? 3 : 7 })),
        failedAttemptLimit: 3,
      }),
  },
  { method: 'get', path: '/api/instruments', access: 'signed-in', call: (c) => c.get('/api/instruments') },
  // Outcome reports (issue 11)
  {
    method: 'get',
    path: '/api/reports/outcomes',
    access: ['auditor', 'prescriber', 'admin'],
    call: (c) => c.get('/api/reports/outcomes?groupBy=indication'),
  },
  {
    method: 'get',
    path: '/api/exports/outcome-analysis.csv',
    access: ['auditor', 'prescriber', 'admin'],
    call: (c) => c.get('/api/exports/outcome-analysis.csv'),
  },
  {
    method: 'get',
    path: '/api/reports/service',
    access: ['auditor', 'prescriber', 'admin'],
    call: (c) => c.get('/api/reports/service?admittedFrom=2026-01-01'),
  },
  {
    method: 'get',
    path: '/api/reports/outcomes/admissions',
    access: ['auditor', 'prescriber', 'admin'],
    call: (c) => c.get('/api/reports/outcomes/admissions?cell=responders'),
  },
  {
    method: 'get',
    path: '/api/exports/outcome-report.csv',
    access: ['auditor', 'prescriber', 'admin'],
    call: (c) => c.get('/api/exports/outcome-report.csv?table=risk-table'),
  },
  {
    method: 'get',
    path: '/api/exports/service-report.csv',
    access: ['auditor', 'prescriber', 'admin'],
    call: (c) => c.get('/api/exports/service-report.csv?table=pauses'),
  },
  // Patient-reported follow-ups (issue 13): the public routes are the only open ones besides sign-in and health.
  {
    method: 'get',
    path: '/api/public/responses/{token}',
    access: 'public',
    call: (c) => c.get('/api/public/responses/abcdefghijklmnopqrstuvwxyz234567'),
  },
  {
    method: 'post',
    path: '/api/public/responses/{token}',
    access: 'public',
    call: (c) =>
      c.post('/api/public/responses/abcdefghijklmnopqrstuvwxyz234567', { painNow: 3, benefitOngoing: true }),
  },
  {
    method: 'post',
    path: '/api/follow-ups/{id}/patient-links',
    access: ['nurse', 'prescriber'],
    call: async (c) => c.post(`/api/follow-ups/${await firstFollowUp()}/patient-links`),
  },
  {
    method: 'get',
    path: '/api/follow-ups/{id}/patient-links',
    access: ['nurse', 'prescriber'],
    call: async (c) => c.get(`/api/follow-ups/${await firstFollowUp()}/patient-links`),
  },
  {
    method: 'post',
    path: '/api/patient-links/{id}/revoke',
    access: ['nurse', 'prescriber'],
    call: async (c) => {
      const link = await setUp.prescriber.post(`/api/follow-ups/${await firstFollowUp()}/patient-links`);
      return c.post(`/api/patient-links/${link.body.id}/revoke`);
    },
  },
  {
    method: 'post',
    path: '/api/patient-responses/{id}/accept',
    access: ['nurse', 'prescriber'],
    call: async (c) => c.post(`/api/patient-responses/${await aPatientResponse()}/accept`),
  },
  {
    method: 'post',
    path: '/api/patient-responses/{id}/reject',
    access: ['nurse', 'prescriber'],
    call: async (c) =>
      c.post(`/api/patient-responses/${await aPatientResponse()}/reject`, { reason: 'Will call instead' }),
  },
  // Bedside safety (issue 12)
  {
    method: 'post',
    path: '/api/admissions/{id}/spo2-scale2-target',
    access: ['prescriber'],
    call: (c, { admissionId }) =>
      c.post(`/api/admissions/${admissionId}/spo2-scale2-target`, { target: '88-92%' }),
  },
];

/** Answers a patient sent through a link, waiting for review (issue 13). */
async function aPatientResponse(): Promise<string> {
  const followUpId = await firstFollowUp();
  const link = await setUp.prescriber.post(`/api/follow-ups/${followUpId}/patient-links`);
  await setUp.phone.get(`/api/public/responses/${link.body.token}`);
  await setUp.phone.post(`/api/public/responses/${link.body.token}`, { painNow: 3, benefitOngoing: true });
  return (await setUp.prescriber.get(`/api/follow-ups/${followUpId}/patient-links`)).body.waiting.id;
}

/** An admission discharged yesterday, with its follow-ups (issue 9). */
function discharged() {
  return aDischargedAdmission(setUp.prescriber, { dischargedAt: new Date(Date.now() - 86_400_000) });
}

async function firstFollowUp(): Promise<string> {
  const admission = await discharged();
  return (await setUp.prescriber.get(`/api/admissions/${admission.id}/follow-ups`)).body.items[0].id;
}

function anOutcome() {
  // Assessed on the discharge day, whatever the ward's zone makes of today.
  return {
    assessedOn: new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA', {
      timeZone: 'Australia/Sydney',
    }),
    method: 'phone',
    painNow: 3,
    benefitOngoing: true,
  };
}

const setUp = {
  prescriber: null as unknown as ApiClient,
  // Patient-reported follow-ups (issue 13)
  phone: null as unknown as ApiClient,
};

describe('who may call what', () => {
  let testApp: TestApp;
  let counter = 0;
  let renderer: ReturnType<typeof buildChartRenderer>;

  beforeAll(async () => {
    // The stay chart's picture (ADR 12) needs the chart renderer the client build writes.
    renderer = buildChartRenderer();
    testApp = await bootTestApp({ CHART_RENDERER: renderer.file });
    setUp.prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
    setUp.phone = await ApiClient.anonymous(testApp); // Patient-reported follow-ups (issue 13)
  });

  async function freshContext(unique: string): Promise<Context> {
    const target = await aUser(testApp, ['nurse']);
    const admitted = (await setUp.prescriber.post('/api/patients', aPatient())).body;
    const admission = (await setUp.prescriber.post('/api/admissions', anAdmission(admitted.id))).body;
    const order = (await setUp.prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1)))
      .body;
    const patient = (await setUp.prescriber.post('/api/patients', aPatient())).body;
    return {
      targetUserId: target.id,
      unique,
      admissionId: admission.id,
      orderId: order.id,
      patientId: patient.id,
    };
  }
  afterAll(async () => {
    await testApp.close();
    renderer.remove();
  });

  it('lists every endpoint the API publishes, so each has a decided role', async () => {
    const document = (await request(testApp.http).get('/api/docs-json')).body;
    const published = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`),
    );
    expect(published.sort()).toEqual(
      ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`).sort(),
    );
  });

  it.each(ENDPOINTS.filter((endpoint) => endpoint.access !== 'public'))(
    'refuses $method $path to an anonymous caller with 401',
    async (endpoint) => {
      const anonymous = await ApiClient.anonymous(testApp);
      const response = await endpoint.call(anonymous, await freshContext('anon'));
      expect(response.status).toBe(401);
    },
  );

  const cases = ENDPOINTS.filter((endpoint) => endpoint.access !== 'public').flatMap((endpoint) =>
    ROLES.map((role) => ({
      ...endpoint,
      role,
      allowed: endpoint.access === 'signed-in' || endpoint.access.includes(role),
    })),
  );

  it.each(cases)('$method $path as $role: allowed $allowed', async ({ call, role, allowed }) => {
    counter += 1;
    const caller = await aUser(testApp, [role]);
    const client = await ApiClient.signedIn(testApp, caller.username);
    const response = await call(client, await freshContext(`${role}-${counter}`));
    if (allowed) {
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(300);
    } else {
      expect(response.status).toBe(403);
    }
  });
});
