import { RuleTester } from '@plumbline/core/testing';
import { dockerfileLanguage } from '@plumbline/lang-dockerfile';
import { spanOf } from './index.js';

export const tester = new RuleTester([dockerfileLanguage]);

/** Expected error at the `occurrence`-th `needle` of `code`. */
export function at(code: string, needle: string, occurrence = 1, message?: string) {
  return { ...spanOf(code, needle, occurrence), ...(message ? { message } : {}) };
}

/** Expected error from the first `from` to the end of the first `to` after it (a finding spanning several words). */
export function across(code: string, from: string, to: string, message?: string) {
  const a = spanOf(code, from);
  const start = code.indexOf(from);
  const end = code.indexOf(to, start) + to.length;
  const b = spanOf(code.slice(0, end), to, code.slice(0, end).split(to).length - 1);
  return {
    line: a.line,
    column: a.column,
    endLine: b.endLine,
    endColumn: b.endColumn,
    ...(message ? { message } : {}),
  };
}

/** The guide's hardened image: non-root, multi-stage, pinned by digest, with a HEALTHCHECK. */
export const HARDENED = `# syntax=docker/dockerfile:1
FROM python:3.11-slim@sha256:0b23cfb7425d065008b778022a17b1551c82f8b4866ee5a7a200084b7e2eafbf AS builder
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir --user -r requirements.txt

FROM python:3.11-slim@sha256:0b23cfb7425d065008b778022a17b1551c82f8b4866ee5a7a200084b7e2eafbf AS runtime
RUN groupadd -r appuser && useradd -r -g appuser appuser
WORKDIR /app
COPY --from=builder /root/.local /home/appuser/.local
COPY --chown=appuser:appuser src/ ./src/
USER appuser
ENV PATH=/home/appuser/.local/bin:$PATH PYTHONUNBUFFERED=1
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=10s --start-period=5s --retries=3 \\
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8080/health')"]
CMD ["uvicorn", "src.main:app", "--host", "0.0.0.0", "--port", "8080"]
`;
