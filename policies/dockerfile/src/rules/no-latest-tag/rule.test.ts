import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const two = 'FROM golang:latest AS build\nFROM build AS test\nFROM ubuntu\n';
const viaArg = 'ARG BASE=redis:latest\nFROM ${BASE}\n';
const platform = 'FROM --platform=linux/amd64 ghcr.io/acme/tool:latest AS tool\n';
const lower = 'from alpine:latest\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM scratch\nCOPY app /app\n',
    'FROM alpine:3.20\n',
    'FROM alpine@sha256:beefdead\n',
    'FROM localhost:5000/app:1.0\n',
    'ARG TAG=3.20\nFROM alpine:${TAG}\n',
    'ARG IMAGE\nFROM $IMAGE\n',
    'ARG BASE_IMAGE=quay.io/jupyter/docker-stacks-foundation\nFROM $BASE_IMAGE\n',
    'FROM node:20 AS deps\nFROM deps\n',
  ],
  invalid: [
    { code: two, errors: [at(two, 'latest', 1, 'golang:latest'), at(two, 'ubuntu', 1, 'no tag')] },
    { code: viaArg, errors: [at(viaArg, '${BASE}')] },
    { code: platform, errors: [at(platform, 'latest')] },
    { code: lower, errors: [at(lower, 'latest')] },
    { code: 'ARG T=latest\nFROM alpine:$T\n', errors: [{ line: 2, column: 13, endLine: 2, endColumn: 15 }] },
  ],
});
