// The journey of a new app from the default template (TypeScript, no framework).
import { describeJourney } from './support/describeJourney';

describeJourney('vanilla', { route: '/api/hello', selector: '.answer' });
