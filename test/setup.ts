// cdktf's jest matchers (toHaveResourceWithProperties, ...): the adapter import brings their
// typings, setupJest registers them.
import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
Testing.setupJest();

// The one clock the library reads (support-date warnings) stands still in tests, so a date passing
// never changes what a test sees; tests about the dates set it themselves (test/os/alpine-releases.test.ts).
import { clock } from '../lib/core/clock';
clock.now = () => new Date('2026-12-07T12:00:00Z');
