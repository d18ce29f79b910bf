import { serveJobs } from '@plumbline/core';
import { type ScanInput, type ScanOutput, scanRepository } from './scan.js';

/** A pool worker: scans one repository per job. */
serveJobs<ScanInput, ScanOutput, undefined>({ job: (input) => scanRepository(input) });
