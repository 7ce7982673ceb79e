/** Runs around every browser test: a request to another origin fails the test that made it. */
import { afterEach, expect } from 'vitest';
import { foreignRequests } from './harness';

afterEach(() => {
  const found = foreignRequests.splice(0);
  expect(found, 'requests that left the app origin').toEqual([]);
});
