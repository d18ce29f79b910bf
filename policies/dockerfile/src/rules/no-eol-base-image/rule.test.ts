import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const multi =
  'FROM node:16-alpine AS assets\nRUN npm ci && npm run build\nFROM python:3.7-slim-buster\nCOPY --from=assets /app/dist /srv\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM ubuntu:24.04\n',
    'FROM debian:12-slim\nFROM debian:bookworm\n',
    'FROM alpine:3.22\nFROM node:22-alpine\nFROM python:3.12-slim-bookworm\n',
    'FROM node:24\nFROM node:27-slim\n',
    'FROM golang:1.23-alpine3.21 AS build\nFROM gcr.io/distroless/static-debian12\n',
    // Not the official image: its tags mean what its publisher says.
    'FROM myorg/ubuntu:16.04\nFROM ghcr.io/acme/debian:9\n',
    // A variable without a default: nothing to judge.
    'ARG BASE\nFROM $BASE\n',
  ],
  invalid: [
    { code: 'FROM ubuntu:14.04\n', errors: [at('FROM ubuntu:14.04\n', 'ubuntu:14.04', 1, 'Ubuntu 14.04')] },
    {
      code: 'FROM debian:jessie\nFROM debian:9-slim\n',
      errors: [
        at('FROM debian:jessie\nFROM debian:9-slim\n', 'debian:jessie', 1, 'Debian jessie'),
        at('FROM debian:jessie\nFROM debian:9-slim\n', 'debian:9-slim', 1, 'Debian stretch'),
      ],
    },
    {
      code: multi,
      errors: [
        at(multi, 'node:16-alpine', 1, 'Node.js 16'),
        at(multi, 'python:3.7-slim-buster', 1, 'Python 3.7'),
      ],
    },
    {
      code: 'FROM ruby:2.7-buster\nFROM golang:1.19-alpine3.16\nFROM centos:7\n',
      errors: [
        at(
          'FROM ruby:2.7-buster\nFROM golang:1.19-alpine3.16\nFROM centos:7\n',
          'ruby:2.7-buster',
          1,
          'Debian buster',
        ),
        at(
          'FROM ruby:2.7-buster\nFROM golang:1.19-alpine3.16\nFROM centos:7\n',
          'golang:1.19-alpine3.16',
          1,
          'Alpine 3.16',
        ),
        at('FROM ruby:2.7-buster\nFROM golang:1.19-alpine3.16\nFROM centos:7\n', 'centos:7', 1, 'CentOS 7'),
      ],
    },
    {
      name: 'through an ARG default',
      code: 'ARG UBUNTU=18.04\nFROM ubuntu:${UBUNTU}\n',
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 22, message: 'Ubuntu 18.04' }],
    },
  ],
});
