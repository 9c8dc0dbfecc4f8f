import type { PublicReportFile, PublicReportFiled, PublicReportStatus } from '@liaison/core/rescue/index';
import { parseProblem } from '../../app/problem.ts';

async function send<T>(
  method: string,
  path: string,
  body: BodyInit | null,
  headers: Record<string, string>,
): Promise<T> {
  const response = await fetch(path, {
    method,
    body,
    headers: { accept: 'application/json, application/problem+json', ...headers },
    credentials: 'omit',
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) throw parseProblem(response.status, parsed);
  return parsed as T;
}

export const publicReportApi = {
  file: (report: unknown) =>
    send<PublicReportFiled>('POST', '/api/v1/public/reports', JSON.stringify(report), {
      'content-type': 'application/json',
    }),
  upload: (reference: string, secret: string, kind: string, file: File) =>
    send<PublicReportFile>('POST', `/api/v1/public/reports/${reference}/files?kind=${kind}`, file, {
      'content-type': file.type,
      'x-report-secret': secret,
    }),
  status: (reference: string, secret: string) =>
    send<PublicReportStatus>('GET', `/api/v1/public/reports/${reference}`, null, {
      'x-report-secret': secret,
    }),
  add: (reference: string, secret: string, text: string) =>
    send('POST', `/api/v1/public/reports/${reference}/additions`, JSON.stringify({ text }), {
      'content-type': 'application/json',
      'x-report-secret': secret,
    }),
};
