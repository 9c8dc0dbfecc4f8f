import type { CaseInputRaw } from '@liaison/core/cases/index';

/** A valid case body; override what a test is about. */
export function caseBody(overrides: Partial<CaseInputRaw> = {}): CaseInputRaw {
  return {
    title: 'Voice phishing ring operating from Bavet',
    summary: 'Victims in Seoul called by "prosecutors"; money moved through mule accounts.',
    language: 'en',
    crimeTypes: ['voice_phishing'],
    priority: 'high',
    leadAgency: 'KNPA',
    markings: { tlp: 'AMBER', handlingCode: 'H1' },
    ...overrides,
  };
}

/** A multipart/form-data body with optional fields and one file, as a browser would send it. */
export function multipartBody(
  file: { filename: string; contentType: string; content: Buffer },
  fields: Record<string, string> = {},
) {
  const boundary = `----liaison${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A 1×1 PNG. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
