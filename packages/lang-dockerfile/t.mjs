const { dockerfileLanguage } = await import('./dist/index.js');
const { SourceFile } = await import('@plumbline/core');
await dockerfileLanguage.init();
const size = Number(process.argv[2]);
const text = 'FROM alpine:3.20\nRUN echo ' + 'abcdefg '.repeat(Math.ceil(size / 8)) + '\n';
const t = performance.now();
const r = dockerfileLanguage.parse(new SourceFile('Dockerfile', text));
console.log(size, Math.round(performance.now() - t), 'ms');
