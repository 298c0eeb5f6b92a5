// The cross-engine journeys (journeys.mjs) in WebKit: see tests/support/engines.mjs for how it is driven.
import { journeys } from './journeys.mjs';

journeys('webkit');
