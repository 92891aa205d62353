// cdktf's jest matchers (toHaveResourceWithProperties, ...): the adapter import brings their
// typings, setupJest registers them.
import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
Testing.setupJest();
