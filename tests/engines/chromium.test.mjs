// The cross-engine journeys (journeys.mjs) in Chromium: see tests/support/engines.mjs for how it is driven.
import { journeys } from './journeys.mjs';

journeys('chromium');
