import { runRule } from '@plumbline/core/testing';
import { dockerfileLanguage } from '@plumbline/lang-dockerfile';
import { describe, expect, it } from 'vitest';
import rule from './rule.js';

const calibrated = async (code: string) =>
  (await runRule(rule, [dockerfileLanguage], { Dockerfile: code })).findings.map((f) => [
    f.severity,
    f.confidence,
  ]);

describe('dockerfile/no-root-user severity and confidence', () => {
  it('is medium and sure for a plain root image', async () => {
    expect(await calibrated('FROM node:20-slim\nCOPY . .\nCMD ["node", "server.js"]\n')).toEqual([
      ['medium', 'high'],
    ]);
  });
  it('is unsure when the entrypoint drops privileges, or the image is a builder stage', async () => {
    expect(
      await calibrated('FROM redis:7\nRUN apk add --no-cache su-exec=0.2-r3\nCMD ["redis-server"]\n'),
    ).toEqual([['medium', 'low']]);
    expect(await calibrated('FROM rust:1.79 AS build\nRUN cargo build --release\n')).toEqual([
      ['medium', 'low'],
    ]);
  });
  it('is info for a file that only names an image', async () => {
    expect(await calibrated('ARG PG=16\nFROM postgres:${PG}-alpine\n')).toEqual([['info', 'low']]);
  });
});
